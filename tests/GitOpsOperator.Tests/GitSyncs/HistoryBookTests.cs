using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitSyncs;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class HistoryBookTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_revision_goes_first()
    {
        var history = HistoryBook.Record([Entry("a", HistoryEntry.Succeeded)], Entry("b", HistoryEntry.Succeeded));

        Assert.Equal(["b", "a"], history.Select(h => h.Revision));
    }

    [Fact]
    public void Retry_of_the_same_revision_replaces_its_entry()
    {
        var failed = Entry("a", HistoryEntry.Failed, message: "ConfigMap/x: refused");

        var history = HistoryBook.Record([failed], Entry("a", HistoryEntry.Succeeded, created: 1));

        Assert.Equal((HistoryEntry.Succeeded, 1), (Assert.Single(history).Result, history[0].Created));
    }

    [Fact]
    public void Attempt_that_wrote_nothing_and_ended_the_same_way_leaves_the_history_as_it_was()
    {
        IReadOnlyList<HistoryEntry> recorded = [Entry("a", HistoryEntry.Succeeded, created: 3)];

        var history = HistoryBook.Record(recorded, Entry("a", HistoryEntry.Succeeded, unchanged: 3) with { FinishedAt = Start.AddHours(1) });

        Assert.Same(recorded, history);
    }

    [Fact]
    public void Revision_attempted_again_later_keeps_a_single_entry()
    {
        var history = HistoryBook.Record([Entry("b", HistoryEntry.Succeeded), Entry("a", HistoryEntry.Succeeded)], Entry("a", HistoryEntry.Succeeded, configured: 1));

        Assert.Equal(["a", "b"], history.Select(h => h.Revision));
    }

    [Fact]
    public void History_keeps_at_most_ten_entries()
    {
        IReadOnlyList<HistoryEntry> history = [];
        for (var i = 0; i < 12; i++)
        {
            history = HistoryBook.Record(history, Entry($"r{i}", HistoryEntry.Succeeded));
        }

        Assert.Equal(GitSyncStatus.MaxHistory, history.Count);
        Assert.Equal("r11", history[0].Revision);
        Assert.Equal("r2", history[^1].Revision);
    }

    private static HistoryEntry Entry(string revision, string result, int created = 0, int configured = 0, int unchanged = 0, string? message = null) => new()
    {
        Revision = revision,
        Result = result,
        StartedAt = Start,
        FinishedAt = Start,
        Created = created,
        Configured = configured,
        Unchanged = unchanged,
        Message = message,
    };
}
