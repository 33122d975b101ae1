using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Machinery.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing or watching {What} failed: {Error}; retrying in {DelayMs:0} ms")]
    public static partial void Refused(ILogger logger, string what, string error, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The informer of {What} failed; restarting it in {DelayMs:0} ms")]
    public static partial void LoopFailed(ILogger logger, Exception error, string what, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "The watch of {What} expired (410 Gone); listing again")]
    public static partial void Expired(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing {What} works again")]
    public static partial void Recovered(ILogger logger, string what);
}
