namespace GitOpsOperator.Cli;

/// <summary>Why a command stops: printed as one line, <c>error: &lt;reason&gt;: &lt;message&gt;</c>, and exits with the code.</summary>
public sealed class CliException(string reason, string message, int exitCode) : Exception(message)
{
    public string Reason { get; } = reason;

    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new("UsageError", message, ExitCodes.Usage);

    public static CliException NotFound(string message) => new("NotFound", message, ExitCodes.Usage);

    public static CliException Unreachable(string message) => new("ClusterUnreachable", message, ExitCodes.Usage);

    public static CliException BuildFailed(string message) => new("BuildFailed", message, ExitCodes.Usage);

    public static CliException Failed(string reason, string message) => new(reason, message, ExitCodes.Failed);

    /// <summary>The one line printed on standard error.</summary>
    public string Line => $"error: {Reason}: {OneLine(Message)}";

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
