using System.Data.Common;
using Keel.Core.Strategies;
using Keel.Core.Trading;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>The journal's decisions and closed trades, kept whole (reasons carry indicator values and ensemble votes).</summary>
public abstract partial class DbTradingStore
{
    public void Record(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Write((c, t) => c.Command(t, """
            INSERT INTO decisions (time, strategy, symbol, action, confidence, reason, outcome)
            VALUES (@time, @strategy, @symbol, @action, @confidence, @reason, @outcome)
            """)
            .With("@time", decision.Time)
            .With("@strategy", decision.Strategy)
            .With("@symbol", decision.Symbol.Ticker)
            .WithEnum("@action", decision.Signal.Action)
            .With("@confidence", StoredText.Double(decision.Signal.Confidence))
            .With("@reason", decision.Signal.Reason)
            .With("@outcome", decision.Outcome)
            .Run());
    }

    public void Record(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        Write((c, t) => c.Command(t, """
            INSERT INTO trades (strategy, symbol, entry_time, entry_price, exit_time, exit_price, quantity, fees, slippage, entry_reason, exit_reason, code_sha256)
            VALUES (@strategy, @symbol, @entryTime, @entryPrice, @exitTime, @exitPrice, @quantity, @fees, @slippage, @entryReason, @exitReason,
                    (SELECT sha256 FROM strategy_sources WHERE strategy = @strategy ORDER BY id DESC LIMIT 1))
            """)
            .With("@strategy", trade.Strategy)
            .With("@symbol", trade.Symbol.Ticker)
            .With("@entryTime", trade.EntryTime)
            .With("@entryPrice", trade.EntryPrice)
            .With("@exitTime", trade.ExitTime)
            .With("@exitPrice", trade.ExitPrice)
            .With("@quantity", trade.Quantity)
            .With("@fees", trade.Fees)
            .With("@slippage", trade.Slippage)
            .With("@entryReason", trade.EntryReason)
            .With("@exitReason", trade.ExitReason)
            .Run());
    }

    public IReadOnlyList<Decision> Decisions() => Read(c => c.Command(null, "SELECT * FROM decisions ORDER BY id").Rows(ReadDecision));

    public IReadOnlyList<Trade> Trades() => Read(c => c.Command(null, "SELECT * FROM trades ORDER BY id").Rows(ReadTrade));

    private static Decision ReadDecision(DbDataReader r) => new(
        r.Time("time"),
        r.Text("strategy"),
        r.Symbol("symbol"),
        ReadSignal(r.Enum<SignalAction>("action"), r.Double("confidence"), r.NullableText("reason")),
        r.Text("outcome"));

    /// <summary>A signal can only be built through its factories; holds (the risk halt's decisions) carry no reason.</summary>
    private static Signal ReadSignal(SignalAction action, double confidence, string? reason) => action switch
    {
        SignalAction.Buy => Signal.Buy(confidence, reason ?? ""),
        SignalAction.Sell => Signal.Sell(confidence, reason ?? ""),
        _ => Signal.Hold,
    };

    private static Trade ReadTrade(DbDataReader r) => new(
        r.Text("strategy"),
        r.Symbol("symbol"),
        r.Time("entry_time"),
        r.Decimal("entry_price"),
        r.Time("exit_time"),
        r.Decimal("exit_price"),
        r.Decimal("quantity"),
        r.Decimal("fees"),
        r.Decimal("slippage"),
        r.Text("entry_reason"),
        r.Text("exit_reason"));
}
