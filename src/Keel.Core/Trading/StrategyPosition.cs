using System.Runtime.CompilerServices;
using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// One strategy's position in one symbol, built only from actual fills. Accumulates the entry and
/// exit legs of the current round trip and hands back a <see cref="Trade"/> when it is flat again.
/// </summary>
public sealed class StrategyPosition(string strategy, Symbol symbol)
{
    private FillLeg _entry, _exit;
    private decimal _fees, _slippage;
    private DateTime _entryTime;
    private string _entryReason = "";

    public string Strategy { get; } = strategy;
    public Symbol Symbol { get; } = symbol;
    public decimal Quantity { get; private set; }

    /// <summary>Volume-weighted entry price of the open position (0 when flat).</summary>
    public decimal AveragePrice => _entry.Quantity == 0 ? 0 : _entry.AveragePrice;

    /// <summary>The client order id of the entry that opened the position; exits name it as their parent.</summary>
    public string? EntryOrderId { get; private set; }

    public DateTime EntryTime => _entryTime;

    /// <summary>Puts back an open position kept in a store after a restart (the round trip's entry leg only).</summary>
    public void Restore(decimal quantity, decimal averagePrice, DateTime entryTime, string? entryOrderId, string entryReason)
    {
        if (quantity < 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Positions are long-only.");
        if (Quantity != 0) throw new InvalidOperationException($"{Strategy} {Symbol} already holds {Quantity}.");
        if (quantity == 0) return;
        Quantity = quantity;
        _entry = FillLeg.Of(quantity, quantity * averagePrice);
        _entryTime = entryTime;
        _entryReason = entryReason;
        EntryOrderId = entryOrderId;
    }

    /// <summary>Applies a fill; returns the completed trade when this fill closed the position.</summary>
    public Trade? Apply(in Fill fill, string reason) => Apply(fill, reason, fill.Price * fill.Quantity);

    /// <summary><see cref="Apply(in Fill, string)"/> with the fill's price · quantity already computed.</summary>
    internal Trade? Apply(in Fill fill, string reason, decimal notional)
    {
        if (fill.Side == OrderSide.Buy)
        {
            if (Quantity == 0)
            {
                _entryTime = fill.Time;
                _entryReason = reason;
                EntryOrderId = fill.ClientOrderId;
            }
            Quantity = DecimalSum.Add(Quantity, fill.Quantity);
            _entry.Add(fill.Quantity, fill.Price, notional);
        }
        else
        {
            if (fill.Quantity > Quantity) ThrowOversold(fill.Quantity);
            Quantity -= fill.Quantity;
            _exit.Add(fill.Quantity, fill.Price, notional);
        }
        _fees = DecimalSum.Add(_fees, fill.Commission);
        _slippage = DecimalSum.Add(_slippage, fill.Slippage);
        if (Quantity != 0 || fill.Side == OrderSide.Buy) return null;

        var trade = new Trade(Strategy, Symbol, _entryTime, AveragePrice, fill.Time, _exit.AveragePrice,
            _entry.Quantity, _fees, _slippage, _entryReason, reason);
        _entry = _exit = default;
        _fees = _slippage = 0;
        EntryOrderId = null;
        return trade;
    }

    // Out of line: the message's formatting would give every fill a frame large enough for it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOversold(decimal sold) =>
        throw new InvalidOperationException($"{Strategy} {Symbol}: a sell of {sold} exceeds the position of {Quantity}.");
}
