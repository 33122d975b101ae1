namespace GitOpsOperator.Tests.Support;

/// <summary>The table kubectl get prints, read by the header's column positions (cells may hold spaces).</summary>
internal static class KubectlTable
{
    public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
    {
        public IReadOnlyDictionary<string, string> Row(string name) => Rows.Single(r => r["NAME"] == name);
    }

    public static Table Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var columns = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var starts = new List<int>();
        var from = 0;
        foreach (var column in columns)
        {
            var at = header.IndexOf(column, from, StringComparison.Ordinal);
            starts.Add(at);
            from = at + column.Length;
        }

        var rows = lines.Skip(1).Select(line => (IReadOnlyDictionary<string, string>)columns.Select((column, i) =>
        {
            var start = Math.Min(starts[i], line.Length);
            var end = i + 1 < starts.Count ? Math.Min(starts[i + 1], line.Length) : line.Length;
            return KeyValuePair.Create(column, line[start..end].Trim());
        }).ToDictionary()).ToList();
        return new Table(columns, rows);
    }
}
