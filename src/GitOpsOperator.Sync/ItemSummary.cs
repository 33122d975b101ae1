using System.Text;

namespace GitOpsOperator.Sync;

/// <summary>
/// A long list of failures made to fit where it is shown: a condition message names the first few and "and N more";
/// an Event takes as many as fit its size limit (the API server and kubectl describe truncate longer ones).
/// </summary>
public static class ItemSummary
{
    /// <summary>How many items a condition message names.</summary>
    public const int Shown = 3;

    /// <summary>The most UTF-8 bytes an Event message is given: under the 1 KiB tools keep.</summary>
    public const int EventBytes = 1000;

    private const string Separator = "; ";
    private const int MoreReserve = 24;

    /// <summary>The first <paramref name="shown"/> items, then "and N more" for the rest.</summary>
    public static string First<T>(IReadOnlyList<T> items, int shown = Shown)
    {
        ArgumentNullException.ThrowIfNull(items);
        var head = string.Join(Separator, items.Take(shown));
        return items.Count > shown ? $"{head} and {items.Count - shown} more" : head;
    }

    /// <summary>As many whole items as fit in <paramref name="maxBytes"/>, then "and N more"; a single too-long item is cut.</summary>
    public static string Within<T>(IReadOnlyList<T> items, int maxBytes = EventBytes)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        var taken = 0;
        foreach (var item in items.Select(i => i?.ToString() ?? ""))
        {
            var next = taken == 0 ? item : Separator + item;
            var reserve = taken + 1 < items.Count ? MoreReserve : 0;
            if (Encoding.UTF8.GetByteCount(text.ToString() + next) + reserve > maxBytes)
            {
                break;
            }

            text.Append(next);
            taken++;
        }

        if (taken == 0 && items.Count > 0)
        {
            text.Append(Cut(items[0]?.ToString() ?? "", maxBytes - MoreReserve));
            taken = 1;
        }

        return taken < items.Count ? $"{text} and {items.Count - taken} more" : text.ToString();
    }

    private static string Cut(string text, int maxBytes)
    {
        var length = Math.Min(text.Length, maxBytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) + 3 > maxBytes)
        {
            length--;
        }

        return text[..length] + "…";
    }
}
