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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {Commit} to branch {Branch} of {Url}")]
    public static partial void Pushed(ILogger logger, string url, string branch, string commit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nothing to push: the edit changed nothing on branch {Branch} of {Url}")]
    public static partial void NothingToPush(ILogger logger, string url, string branch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push to branch {Branch} of {Url} lost a race (attempt {Attempt}); retrying on the new tip in {Delay}")]
    public static partial void LostRace(ILogger logger, string url, string branch, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push to branch {Branch} of {Url} failed ({Reason}): {Message}")]
    public static partial void PushFailed(ILogger logger, string url, string branch, GitOpsOperator.Source.Push.PushFailureReason reason, string message);
}
