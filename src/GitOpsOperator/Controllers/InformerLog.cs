using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers;

internal static partial class InformerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing {Plural} failed ({Error}); retrying")]
    public static partial void ListFailed(ILogger logger, string plural, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Plural} watch ended ({Why}); listing again")]
    public static partial void WatchEnded(ILogger logger, string plural, string why);
}
