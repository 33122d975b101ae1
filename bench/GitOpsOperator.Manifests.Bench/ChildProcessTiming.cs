using System.Diagnostics;

namespace GitOpsOperator.Manifests.Bench;

/// <summary>Times another tool (kubectl, kustomize, helm) by the CPU its process used, as bash's <c>times</c> reports it.</summary>
internal static class ChildProcessTiming
{
    // Runs a command through bash so that `times` can report the CPU the command (a child of that shell) used.
    public static async Task<Timing.Outcome> RunAsync(string command, string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "\"$@\" | wc -c; times", "bench", command }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || lines.Length < 3)
        {
            throw new InvalidOperationException($"{command} failed: {await errors}");
        }

        var children = lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseBashTime);
        var printed = long.Parse(lines[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return new Timing.Outcome(children.Aggregate(TimeSpan.Zero, (sum, time) => sum + time), $"{printed / 1024} KiB printed");
    }

    // bash prints times as "0m1.234s".
    private static TimeSpan ParseBashTime(string text)
    {
        var minutes = text.IndexOf('m', StringComparison.Ordinal);
        return TimeSpan.FromMinutes(int.Parse(text[..minutes], System.Globalization.CultureInfo.InvariantCulture))
            + TimeSpan.FromSeconds(double.Parse(text[(minutes + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
