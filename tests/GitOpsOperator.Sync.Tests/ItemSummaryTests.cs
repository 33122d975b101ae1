using System.Text;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Sync.Tests;

public sealed class ItemSummaryTests
{
    private static readonly List<string> Fifty = [.. Enumerable.Range(1, 50).Select(i => $"team/cm-{i:00} (apps/cms.yaml:{i * 7}): ConfigMap \"cm-{i:00}\" is invalid: data: Too long")];

    [Fact]
    public void A_condition_message_names_the_first_three_and_counts_the_rest()
    {
        var message = ItemSummary.First(Fifty);

        Assert.StartsWith($"{Fifty[0]}; {Fifty[1]}; {Fifty[2]} and 47 more", message, StringComparison.Ordinal);
        Assert.Equal(message.Length, $"{Fifty[0]}; {Fifty[1]}; {Fifty[2]} and 47 more".Length);
    }

    [Fact]
    public void Three_or_fewer_are_named_without_more()
    {
        Assert.Equal($"{Fifty[0]}; {Fifty[1]}", ItemSummary.First(Fifty.Take(2).ToList()));
    }

    [Fact]
    public void An_event_message_takes_whole_items_until_its_limit_then_counts_the_rest()
    {
        var message = ItemSummary.Within(Fifty);

        Assert.InRange(Encoding.UTF8.GetByteCount(message), 800, ItemSummary.EventBytes);
        var named = Fifty.TakeWhile(item => message.Contains(item, StringComparison.Ordinal)).Count();
        Assert.EndsWith($" and {50 - named} more", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_item_longer_than_an_event_is_cut()
    {
        var message = ItemSummary.Within([new string('é', 2000)]);

        Assert.InRange(Encoding.UTF8.GetByteCount(message), 1, ItemSummary.EventBytes);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
    }
}
