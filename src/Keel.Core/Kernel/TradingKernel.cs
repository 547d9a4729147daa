using System.Runtime.CompilerServices;
using Keel.Core.Calendars;
using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Kernel;

/// <summary>
/// The trading loop, written once for backtest and live: bar → strategies → signal → sizing and risk →
/// order intent (journaled before it is sent) → execution port → fills → ledger and positions.
/// Single-threaded and deterministic; the execution port reports back through <see cref="IExecutionListener"/>.
/// Strategies are long-only: a buy opens a position when flat, a sell closes it when long.
/// </summary>
public sealed class TradingKernel : IExecutionListener
{
    private readonly Portfolio _portfolio;
    private readonly IExecutionPort _execution;
    private readonly IJournal _journal;
    private readonly bool _journalEvents; // false: decisions and order events would be dropped, so none are built
    private readonly RiskManager _risk;
    private readonly bool _dailyLossLimit; // the risk config is fixed: read once, not on every bar
    private readonly TradingDayClock _dayClock;
    private StrategySlot[][] _slotsBySymbol = [];
    private readonly List<StrategySlot> _slots = [];
    private DateTime _lastBarTime;

    public TradingKernel(Portfolio portfolio, IExecutionPort execution, IJournal journal, RiskConfig risk, TimeZoneInfo tradingDayZone)
    {
        _portfolio = portfolio;
        _execution = execution;
        _journal = journal;
        _journalEvents = journal.KeepsEvents;
        _risk = new RiskManager(risk);
        _dailyLossLimit = risk.DailyLossLimitPercent is not null;
        _dayClock = new TradingDayClock(tradingDayZone);
    }

    /// <summary>When set, orders the market cannot take at a bar's close are not sent (the decision says why).</summary>
    public IOrderGate? OrderGate { get; init; }

    /// <summary>
    /// When set (the live service), a strategy that throws in <see cref="IStrategy.OnBar"/> is disabled on that
    /// symbol and reported here while the others go on; when null (a backtest), the failure stops the run.
    /// </summary>
    public Action<StrategyFailedException>? OnStrategyFailure { get; init; }

    public Portfolio Portfolio => _portfolio;
    public RiskManager Risk => _risk;
    public IReadOnlyList<StrategySlot> Slots => _slots;

    /// <summary>Entries refused by risk and resized by limits, by reason (the broker counts its own rejections).</summary>
    public OrderTally Tally { get; } = new();

    /// <summary>Runs <paramref name="strategy"/> on <paramref name="symbol"/>; the instance must be this slot's alone.</summary>
    public void AddStrategy(IStrategy strategy, Symbol symbol)
    {
        var index = _portfolio.IndexOf(symbol);
        if (_slots.Any(s => s.Strategy.Name == strategy.Name && s.Symbol == symbol))
            throw new ArgumentException($"{strategy.Name} already runs on {symbol}.");
        var slot = new StrategySlot(strategy, symbol, index);
        _slots.Add(slot);
        if (_slotsBySymbol.Length <= index) Array.Resize(ref _slotsBySymbol, index + 1);
        _slotsBySymbol[index] = [.. _slotsBySymbol[index] ?? [], slot];
    }

    /// <summary>
    /// A closed bar of <paramref name="symbol"/>: mark to market, check the daily loss, run its strategies.
    /// Live, <paramref name="quote"/> is the latest quote, handed to the execution port with each entry
    /// (<see cref="OrderRequest.ReferencePrice"/>) to validate it; sizing stays at the bar's close, as in
    /// a backtest, so paper and backtest size the same decision alike.
    /// </summary>
    public void OnBar(Symbol symbol, in Bar bar, Quote? quote = null)
    {
        var index = IndexOf(symbol);
        _lastBarTime = bar.Timestamp;
        var limit = _dailyLossLimit;
        // Every trading day starts with its equity noted (the loss limit and the service's daily P&L read it).
        if (_dayClock.Advance(bar.Timestamp)) _risk.BeginDay(_dayClock.Day, _portfolio.ExactEquity());
        _portfolio.Mark(index, bar.Close);
        if (limit && _risk.CheckDailyLoss(_portfolio.ExactEquity()) is { } halt && _journalEvents)
            _journal.Record(new Decision(bar.Timestamp, "risk", symbol, Signal.Hold, halt));

        if (index >= _slotsBySymbol.Length || _slotsBySymbol[index] is not { } slots) return;
        foreach (var slot in slots)
        {
            if (slot.Disabled) continue;
            Signal signal;
            try
            {
                signal = slot.Strategy.OnBar(bar, new StrategyContext(slot.Position.Quantity) { ReasonsUnread = !_journalEvents });
            }
            catch (Exception ex) when (ex is not StrategyFailedException)
            {
                // A strategy's own bug (user code): say which strategy and which bar, not where in Keel it surfaced.
                var failure = new StrategyFailedException(slot.Strategy.Name, symbol, bar.Timestamp, ex);
                if (OnStrategyFailure is null) throw failure;
                slot.Disabled = true;
                OnStrategyFailure(failure);
                continue;
            }
            if (signal.Action == SignalAction.Hold) continue;
            Act(slot, signal, bar, quote);
        }
    }

    /// <summary>
    /// How many of the next bars of <paramref name="symbol"/> (those its strategies have not seen yet), at most
    /// <paramref name="max"/>, need only a mark to market: every strategy on it is sure to hold through them
    /// (<see cref="IFastForward"/>) and nothing watches equity bar by bar (no daily loss limit). The caller
    /// knows that no order can fill on them (what came due at the first one's open has filled already). Pass
    /// them with <see cref="FastForward"/> and <see cref="Mark"/>.
    /// </summary>
    internal int QuietBarsAhead(Symbol symbol, int max)
    {
        if (max <= 0 || _dailyLossLimit || decimal.Sign(_risk.StartOfDayEquity) == 0) return 0;
        var index = IndexOf(symbol);
        if (index >= _slotsBySymbol.Length || _slotsBySymbol[index] is not { } slots) return max;
        foreach (var slot in slots)
        {
            if (slot.FastForward is not { } strategy) return 0;
            max = Math.Min(max, strategy.HoldsAhead(new StrategyContext(slot.Position.Quantity), max));
            if (max == 0) return 0;
        }
        return max;
    }

    /// <summary>The strategies on <paramref name="symbol"/> move past <paramref name="bars"/> quiet bars (<see cref="QuietBarsAhead"/>) without seeing them.</summary>
    internal void FastForward(Symbol symbol, int bars)
    {
        var index = IndexOf(symbol);
        if (index >= _slotsBySymbol.Length || _slotsBySymbol[index] is not { } slots) return;
        foreach (var slot in slots) slot.FastForward!.Skip(bars);
    }

    /// <summary>The last bar of a quiet stretch (see <see cref="QuietBarsAhead"/>): its close marks the symbol, nothing else happens.</summary>
    internal void Mark(Symbol symbol, in Bar bar) => Mark(IndexOf(symbol), bar);

    /// <summary><see cref="Mark(Symbol, in Bar)"/> by the symbol's index in the portfolio, for a replay that keeps it.</summary>
    internal void Mark(int symbolIndex, in Bar bar)
    {
        _lastBarTime = bar.Timestamp;
        _portfolio.Mark(symbolIndex, bar.Close);
    }

    /// <summary>
    /// A bar from before the session (warm-up after a start or restart): strategies see it and build up
    /// their indicators, prices are marked, nothing is decided. <paramref name="positionAt"/> gives each
    /// slot's position as it was at that bar (flat when null), for strategies that read it.
    /// </summary>
    public void WarmUp(Symbol symbol, in Bar bar, Func<StrategySlot, decimal>? positionAt = null)
    {
        var index = IndexOf(symbol);
        _portfolio.Mark(index, bar.Close);
        if (index >= _slotsBySymbol.Length || _slotsBySymbol[index] is not { } slots) return;
        foreach (var slot in slots) slot.Strategy.OnBar(bar, new StrategyContext(positionAt?.Invoke(slot) ?? 0));
    }

    /// <summary>Puts back a strategy's open position kept in a store (after a restart).</summary>
    public void RestorePosition(string strategy, Symbol symbol, decimal quantity, decimal averagePrice, DateTime entryTime, string? entryOrderId, double lastPrice)
    {
        var slot = FindSlot(strategy, symbol) ?? throw new InvalidOperationException($"No running strategy {strategy} on {symbol} to restore a position to.");
        slot.Position.Restore(quantity, averagePrice, entryTime, entryOrderId, "restored after restart");
        _portfolio.RestorePosition(symbol, _portfolio.PositionQuantity(symbol) + quantity, lastPrice);
    }

    /// <summary>Puts back an order that was working at the broker before a restart, so its fills land on its slot.</summary>
    public void RestoreWorkingOrder(OrderRequest order)
    {
        var slot = FindSlot(order.Strategy, order.Symbol) ?? throw new InvalidOperationException($"No running strategy {order.Strategy} on {order.Symbol} for order {order.ClientOrderId}.");
        slot.TakeWorkingOrder(order.ClientOrderId); // the latest word on an id stands
        slot.WorkingOrders.Add(order);
        if (order.Purpose == OrderPurpose.Entry) slot.PendingEntryId = order.ClientOrderId;
        else if (order.Purpose is OrderPurpose.Exit or OrderPurpose.EndOfRun) slot.PendingExitId = order.ClientOrderId;
    }

    /// <summary>The account marked at the latest prices, as of <paramref name="time"/>.</summary>
    public EquityPoint Valuation(DateTime time) => EquityPoint.Of(time, _portfolio.CashAsDouble, _portfolio.PositionValue());

    /// <summary>Sends an exit for every open position (end of a backtest, or flattening on halt).</summary>
    public void CloseAllPositions(string reason, OrderPurpose purpose)
    {
        foreach (var slot in _slots)
        {
            if (slot.Position.Quantity <= 0 || slot.PendingExitId is not null) continue;
            SendExit(slot, _lastBarTime, reason, purpose);
        }
    }

    private void Act(StrategySlot slot, Signal signal, in Bar bar, Quote? quote)
    {
        string outcome;
        if (signal.Action == SignalAction.Buy)
        {
            if (slot.Position.Quantity > 0) outcome = "ignored: already long";
            else if (slot.PendingEntryId is not null) outcome = "ignored: an entry is already working";
            else if (OrderGate?.Refusal(slot.Symbol, bar.Timestamp) is { } closed) outcome = "not sent: " + closed;
            else outcome = SendEntry(slot, signal, bar, quote);
        }
        else
        {
            if (slot.Position.Quantity <= 0) outcome = "ignored: no position to sell";
            else if (slot.PendingExitId is not null) outcome = "ignored: an exit is already working";
            else if (OrderGate?.Refusal(slot.Symbol, bar.Timestamp) is { } closed) outcome = "not sent: " + closed;
            else outcome = SendExit(slot, bar.Timestamp, signal.Reason ?? "sell signal", OrderPurpose.Exit);
        }
        if (_journalEvents) _journal.Record(new Decision(bar.Timestamp, slot.Strategy.Name, slot.Symbol, signal, outcome));
    }

    private string SendEntry(StrategySlot slot, Signal signal, in Bar bar, Quote? quote)
    {
        var config = _risk.Config;
        var reference = (decimal)bar.Close;
        var decision = _risk.SizeEntry(slot.Symbol, reference, _portfolio.ExactEquity(), _portfolio.Cash, slot.Position.Quantity,
            config.MaxOpenPositions is null ? 0 : OpenOrOpeningPositions(), signal.Confidence, // a count over every slot: only when limited
            _risk.Capital is null ? 0 : Exposure());
        var order = new OrderRequest
        {
            ClientOrderId = ClientOrderIds.For(slot.OrderIdPrefix, bar.Timestamp, OrderPurpose.Entry),
            Strategy = slot.StrategyName,
            Symbol = slot.Symbol,
            Side = OrderSide.Buy,
            Quantity = decision.Quantity,
            Purpose = OrderPurpose.Entry,
            CreatedAt = bar.Timestamp,
            Reason = signal.Reason ?? "buy signal",
            ReferencePrice = quote is { AskPrice: > 0 } q ? q.AskPrice : reference,
            StopLossPercent = config.StopLossPercent,
            TakeProfitPercent = config.TakeProfitPercent,
            TrailingStopPercent = config.TrailingStopPercent,
        };
        if (decision.IsRefused)
        {
            Tally.Reject(decision.RefusalCode ?? OrderReasons.ZeroQuantity);
            if (_journalEvents) _journal.Record(new OrderEvent(bar.Timestamp, order, OrderStatus.RefusedByRisk, decision.Refusal!));
            return "refused by risk: " + decision.Refusal;
        }
        if (decision.Cuts.Count > 0) Tally.Resize(decision.Cuts);
        slot.PendingEntryId = order.ClientOrderId;
        Send(slot, order, decision.Adjustment is null ? "sent" : "sent, resized: " + decision.Adjustment);
        return decision.Adjustment is null ? "buy sent" : "buy sent, resized: " + decision.Adjustment;
    }

    private string SendExit(StrategySlot slot, DateTime time, string reason, OrderPurpose purpose)
    {
        var order = new OrderRequest
        {
            ClientOrderId = ClientOrderIds.For(slot.OrderIdPrefix, time, purpose),
            Strategy = slot.StrategyName,
            Symbol = slot.Symbol,
            Side = OrderSide.Sell,
            Quantity = slot.Position.Quantity,
            Purpose = purpose,
            CreatedAt = time,
            Reason = reason,
            ParentId = slot.Position.EntryOrderId,
        };
        slot.PendingExitId = order.ClientOrderId;
        Send(slot, order, "sent");
        return "sell sent";
    }

    private void Send(StrategySlot slot, OrderRequest order, string note)
    {
        slot.WorkingOrders.Add(order);
        if (_journalEvents) _journal.Record(new OrderEvent(order.CreatedAt, order, OrderStatus.New, note)); // before it leaves
        _execution.Submit(order);
    }

    /// <summary>What is at risk now: positions at their marks plus entries still working (a capital stage caps their sum).</summary>
    private decimal Exposure()
    {
        var exposure = (decimal)_portfolio.PositionValue();
        foreach (var s in _slots)
        {
            if (s.PendingEntryId is null) continue;
            foreach (var order in s.WorkingOrders)
                if (order.ClientOrderId == s.PendingEntryId) exposure += order.Quantity * (order.ReferencePrice ?? (decimal)_portfolio.LastPrice(s.SymbolIndex));
        }
        return exposure;
    }

    private int OpenOrOpeningPositions()
    {
        var n = 0;
        foreach (var s in _slots) if (s.Position.Quantity > 0 || s.PendingEntryId is not null) n++;
        return n;
    }

    public void OnOrderAccepted(OrderRequest order, DateTime time)
    {
        if (_journalEvents) _journal.Record(new OrderEvent(time, order, OrderStatus.Accepted, order.Reason));
        // Bracket exits are made by the broker: the kernel hears of them here first.
        if (order.ParentId is not null && FindSlot(order.Strategy, order.Symbol) is { } slot && !slot.HasWorkingOrder(order.ClientOrderId))
            slot.WorkingOrders.Add(order);
    }

    public void OnFill(in Fill fill) => OnFill(fill, fill.Price * fill.Quantity);

    /// <summary><see cref="OnFill(in Fill)"/> with the fill's price · quantity already computed (the simulated broker's cash check makes it).</summary>
    internal void OnFill(in Fill fill, decimal notional)
    {
        _portfolio.Apply(fill, notional);
        var slot = FindSlot(fill.Strategy, fill.Symbol) ?? throw NoSlotFor(fill);
        var order = slot.TakeWorkingOrder(fill.ClientOrderId); // gone after its first fill, as are partial fills' orders
        var trade = slot.Position.Apply(fill, order?.Reason ?? fill.Purpose.ToString(), notional);
        if (_journalEvents) _journal.Record(new OrderEvent(fill.Time, order ?? OrderFromFill(fill), OrderStatus.Filled, "", fill));
        if (slot.PendingEntryId == fill.ClientOrderId) slot.PendingEntryId = null;
        if (slot.PendingExitId == fill.ClientOrderId || slot.Position.Quantity == 0) slot.PendingExitId = null;
        if (trade is not null) _journal.Record(trade);
    }

    public void OnOrderClosed(OrderRequest order, OrderStatus status, string reason, DateTime time)
    {
        if (_journalEvents) _journal.Record(new OrderEvent(time, order, status, reason));
        if (FindSlot(order.Strategy, order.Symbol) is not { } slot || slot.TakeWorkingOrder(order.ClientOrderId) is null) return;
        if (slot.PendingEntryId == order.ClientOrderId) slot.PendingEntryId = null;
        if (slot.PendingExitId == order.ClientOrderId) slot.PendingExitId = null;
    }

    /// <summary>The slot of <paramref name="strategy"/> on <paramref name="symbol"/>, among the symbol's own (a universe has many).</summary>
    private StrategySlot? FindSlot(string strategy, Symbol symbol)
    {
        if (!_portfolio.TryIndexOf(symbol, out var index) || index >= _slotsBySymbol.Length || _slotsBySymbol[index] is not { } slots) return null;
        foreach (var s in slots)
        {
            if (s.StrategyName == strategy) return s;
        }
        return null;
    }

    // Out of line: formatting the message in OnFill would give every fill a frame large enough for it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InvalidOperationException NoSlotFor(in Fill fill) =>
        new($"A fill for {fill.Strategy} on {fill.Symbol} matches no running strategy.");

    /// <summary>Bracket exits are created by the broker, so the kernel learns of them from their fills.</summary>
    private static OrderRequest OrderFromFill(in Fill fill) => new()
    {
        ClientOrderId = fill.ClientOrderId,
        Strategy = fill.Strategy,
        Symbol = fill.Symbol,
        Side = fill.Side,
        Quantity = fill.Quantity,
        Purpose = fill.Purpose,
        CreatedAt = fill.Time,
        Reason = fill.Purpose.ToString(),
    };

    private int IndexOf(Symbol symbol) => _portfolio.IndexOf(symbol);
}
