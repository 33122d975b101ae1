using System.Diagnostics;

namespace GitOpsOperator.Source.Remote;

/// <summary>How every git child process of the operator starts: the arguments as given, all three streams redirected.</summary>
public static class GitStartInfo
{
    public static ProcessStartInfo For(IEnumerable<string> arguments, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
