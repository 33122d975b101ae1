namespace GitOpsOperator.Cli.Output;

/// <summary>Columns as kubectl prints them (its tabwriter: at least 6 wide, 3 spaces of padding, the last column unpadded).</summary>
public static class Table
{
    private const int MinWidth = 6;
    private const int Padding = 3;

    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        List<IReadOnlyList<string>> lines = [headers, .. rows];
        var widths = Enumerable.Range(0, headers.Count)
            .Select(column => Math.Max(MinWidth, lines.Max(line => line[column].Length) + Padding))
            .ToArray();
        foreach (var line in lines)
        {
            var cells = line.Select((cell, column) => column == line.Count - 1 ? cell : cell.PadRight(widths[column]));
            output.WriteLine(string.Concat(cells).TrimEnd());
        }
    }
}
