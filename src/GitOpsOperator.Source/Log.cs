using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Source;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Url} at {Revision}: {Bytes} bytes received")]
    public static partial void Fetched(ILogger logger, string url, string revision, long bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll of {Url} at {Revision} needed no fetch")]
    public static partial void Unchanged(ILogger logger, string url, string revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {Url} failed ({Reason}): {Message}")]
    public static partial void PollFailed(ILogger logger, string url, FailureReason reason, string message);
}
