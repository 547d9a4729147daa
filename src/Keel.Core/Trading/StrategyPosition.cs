using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// One strategy's position in one symbol, built only from actual fills. Accumulates the entry and
/// exit legs of the current round trip and hands back a <see cref="Trade"/> when it is flat again.
/// </summary>
public sealed class StrategyPosition(string strategy, Symbol symbol)
{
    private decimal _entryQuantity, _entryNotional, _exitQuantity, _exitNotional, _fees, _slippage;
    private DateTime _entryTime;
    private string _entryReason = "";

    public string Strategy { get; } = strategy;
    public Symbol Symbol { get; } = symbol;
    public decimal Quantity { get; private set; }

    /// <summary>Volume-weighted entry price of the open position (0 when flat).</summary>
    public decimal AveragePrice => _entryQuantity == 0 ? 0 : _entryNotional / _entryQuantity;

    /// <summary>The client order id of the entry that opened the position; exits name it as their parent.</summary>
    public string? EntryOrderId { get; private set; }

    public DateTime EntryTime => _entryTime;

    /// <summary>Puts back an open position kept in a store after a restart (the round trip's entry leg only).</summary>
    public void Restore(decimal quantity, decimal averagePrice, DateTime entryTime, string? entryOrderId, string entryReason)
    {
        if (quantity < 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Positions are long-only.");
        if (Quantity != 0) throw new InvalidOperationException($"{Strategy} {Symbol} already holds {Quantity}.");
        if (quantity == 0) return;
        Quantity = _entryQuantity = quantity;
        _entryNotional = quantity * averagePrice;
        _entryTime = entryTime;
        _entryReason = entryReason;
        EntryOrderId = entryOrderId;
    }

    /// <summary>Applies a fill; returns the completed trade when this fill closed the position.</summary>
    public Trade? Apply(in Fill fill, string reason)
    {
        if (fill.Side == OrderSide.Buy)
        {
            if (Quantity == 0)
            {
                _entryTime = fill.Time;
                _entryReason = reason;
                EntryOrderId = fill.ClientOrderId;
            }
            Quantity += fill.Quantity;
            _entryQuantity += fill.Quantity;
            _entryNotional += fill.Quantity * fill.Price;
        }
        else
        {
            if (fill.Quantity > Quantity)
                throw new InvalidOperationException($"{Strategy} {Symbol}: a sell of {fill.Quantity} exceeds the position of {Quantity}.");
            Quantity -= fill.Quantity;
            _exitQuantity += fill.Quantity;
            _exitNotional += fill.Quantity * fill.Price;
        }
        _fees += fill.Commission;
        _slippage += fill.Slippage;
        if (Quantity != 0 || fill.Side == OrderSide.Buy) return null;

        var trade = new Trade(Strategy, Symbol, _entryTime, AveragePrice, fill.Time, _exitNotional / _exitQuantity,
            _entryQuantity, _fees, _slippage, _entryReason, reason);
        _entryQuantity = _entryNotional = _exitQuantity = _exitNotional = _fees = _slippage = 0;
        EntryOrderId = null;
        return trade;
    }
}
