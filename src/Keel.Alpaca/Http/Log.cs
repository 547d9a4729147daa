using Microsoft.Extensions.Logging;

namespace Keel.Alpaca.Http;

/// <summary>The client's log lines. They name the request (method and path), never headers or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca {Request}: {Outcome}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string request, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca order {ClientOrderId}: submission outcome lost ({Reason}); looking it up by client order id")]
    public static partial void SubmitOutcomeLost(ILogger logger, string clientOrderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca order {ClientOrderId}: found after a lost answer (status {Status})")]
    public static partial void SubmitRecovered(ILogger logger, string clientOrderId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca order {ClientOrderId}: not found after a lost answer; sending it once more with the same id")]
    public static partial void Resubmitting(ILogger logger, string clientOrderId);
}
