using Keel.Core.Persistence;
using Keel.Core.Trading;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

/// <summary>
/// The kernel's journal in the service: every decision, order event and trade goes to the store (durably,
/// before the call returns) and one log line. Order intents reach the store before the kernel hands them
/// to the broker; the crash points around that write are where the crash tests kill the process. Each
/// order event keeps its time (the broker's, for what the broker reported) and gets the time the service
/// received it, on the service's clock.
/// </summary>
internal sealed partial class ServiceJournal(ITradingStore store, ILogger logger, CrashPoints crash, TimeProvider time, Action<OrderEvent>? onOrderEvent = null) : IJournal
{
    public void Record(Decision decision)
    {
        store.Record(decision);
        LogDecision(logger, decision.Time, decision.Strategy, decision.Symbol.Ticker, decision.Signal.ToString(), decision.Outcome);
    }

    public void Record(OrderEvent orderEvent)
    {
        var isIntent = orderEvent.Status == OrderStatus.New;
        if (isIntent) crash.Reach(CrashPoints.BeforeIntentStored);
        store.Record(orderEvent with { ReceivedAt = time.GetUtcNow().UtcDateTime });
        var order = orderEvent.Order;
        LogOrder(logger, orderEvent.Time, order.ClientOrderId, order.Strategy, order.Symbol.Ticker, order.Side, order.Quantity, orderEvent.Status, orderEvent.Reason);
        if (isIntent) crash.Reach(CrashPoints.AfterIntentStored);
        if (orderEvent.Fill is not null && store.FindOrder(order.ClientOrderId) is { Status: OrderStatus.PartiallyFilled })
            crash.Reach(CrashPoints.AfterPartialFill);
        onOrderEvent?.Invoke(orderEvent);
    }

    public void Record(Trade trade)
    {
        store.Record(trade);
        LogTrade(logger, trade.Strategy, trade.Symbol.Ticker, trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.NetPnl);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "decision {BarTime:O} {Strategy} {Symbol}: {Signal} -> {Outcome}")]
    private static partial void LogDecision(ILogger logger, DateTime barTime, string strategy, string symbol, string signal, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "order {Time:O} {ClientOrderId} {Strategy} {Symbol} {Side} {Quantity}: {Status} {Reason}")]
    private static partial void LogOrder(ILogger logger, DateTime time, string clientOrderId, string strategy, string symbol, OrderSide side, decimal quantity, OrderStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "trade {Strategy} {Symbol} {Quantity} {EntryPrice} -> {ExitPrice}: net {NetPnl}")]
    private static partial void LogTrade(ILogger logger, string strategy, string symbol, decimal quantity, decimal entryPrice, decimal exitPrice, decimal netPnl);
}
