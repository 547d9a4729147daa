using System.Data.Common;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>Fills and the positions they build, written together so a crash never keeps one without the other.</summary>
public abstract partial class DbTradingStore
{
    public IReadOnlyList<StoredFill> Fills() => Read(c => c.Command(null, "SELECT * FROM fills ORDER BY id").Rows(ReadFill));

    public IReadOnlyList<StoredPosition> Positions() => Read(c =>
        c.Command(null, "SELECT * FROM positions ORDER BY strategy, symbol").Rows(r =>
        {
            var p = ReadPositionRow(r);
            return new StoredPosition(p.Strategy, p.Symbol, p.Quantity, p.AveragePrice, p.EntryTime, p.EntryOrderId);
        }));

    /// <summary>
    /// In the caller's transaction: the fill, the order's filled quantity and status, the position. A fill
    /// is keyed by its order and the order's filled quantity after it, so it is recorded once. The
    /// <see cref="Fill"/> does not carry that cumulative quantity, so a fill reported again (after a
    /// restart, or twice by mistake) is recognised as the same execution on the same order (same time,
    /// quantity and price) and ignored entirely: no second row, no history entry, no position change.
    /// Returns false (roll back) when the fill was already recorded.
    /// </summary>
    private bool RecordFill(DbConnection c, DbTransaction t, OrderEvent orderEvent, Fill fill)
    {
        var order = orderEvent.Order;
        if (fill.ClientOrderId != order.ClientOrderId)
            throw new ArgumentException($"The fill of {fill.ClientOrderId} arrived with order {order.ClientOrderId}.", nameof(orderEvent));
        if (IsRecordedExecution(c, t, fill)) return false;

        var known = LoadOrderState(c, t, order.ClientOrderId);
        if (known is null)
        {
            // An order the broker created (a bracket exit): the store learns of it from its fill.
            InsertOrder(c, t, order, OrderStatus.New, orderEvent.Time, "");
            known = new OrderState(OrderStatus.New, order.Quantity, 0m);
        }
        var filled = known.FilledQuantity + fill.Quantity;
        var inserted = c.Command(t, """
            INSERT INTO fills (client_order_id, cumulative_quantity, strategy, symbol, side, purpose, quantity, price, commission, slippage, time)
            VALUES (@id, @cumulative, @strategy, @symbol, @side, @purpose, @quantity, @price, @commission, @slippage, @time)
            ON CONFLICT (client_order_id, cumulative_quantity) DO NOTHING
            """)
            .With("@id", fill.ClientOrderId)
            .With("@cumulative", StoredText.DecimalKey(filled))
            .With("@strategy", fill.Strategy)
            .With("@symbol", fill.Symbol.Ticker)
            .WithEnum("@side", fill.Side)
            .WithEnum("@purpose", fill.Purpose)
            .With("@quantity", fill.Quantity)
            .With("@price", fill.Price)
            .With("@commission", fill.Commission)
            .With("@slippage", fill.Slippage)
            .With("@time", fill.Time)
            .Run();
        if (inserted == 0) return false; // another writer recorded this very fill first

        // The kernel reports every fill as Filled; the quantities say whether the order is done. A fill
        // arriving after a cancel (the two crossed) completes the order or leaves it closed, never reopens it.
        var status = filled >= known.Quantity ? OrderStatus.Filled
            : IsFinal(known.Status) ? known.Status
            : OrderStatus.PartiallyFilled;
        UpdateOrder(c, t, order.ClientOrderId, status, filled, orderEvent.Time, orderEvent.Reason);
        ApplyToPosition(c, t, fill);
        AppendOrderEvent(c, t, orderEvent, status, orderEvent.Reason);
        return true;
    }

    private static bool IsRecordedExecution(DbConnection c, DbTransaction t, in Fill fill)
    {
        var time = StoredText.Time(fill.Time);
        var recorded = c.Command(t, "SELECT quantity, price FROM fills WHERE client_order_id = @id AND time = @time")
            .With("@id", fill.ClientOrderId)
            .With("@time", time)
            .Rows(r => (Quantity: r.Decimal("quantity"), Price: r.Decimal("price")));
        foreach (var (quantity, price) in recorded)
        {
            if (quantity == fill.Quantity && price == fill.Price) return true;
        }
        return false;
    }

    private static void ApplyToPosition(DbConnection c, DbTransaction t, in Fill fill)
    {
        var current = c.Command(t, "SELECT * FROM positions WHERE strategy = @strategy AND symbol = @symbol")
            .With("@strategy", fill.Strategy)
            .With("@symbol", fill.Symbol.Ticker)
            .FirstOrNull(ReadPositionRow);
        var next = PositionRow.Apply(current, fill);
        if (next is null)
        {
            c.Command(t, "DELETE FROM positions WHERE strategy = @strategy AND symbol = @symbol")
                .With("@strategy", fill.Strategy)
                .With("@symbol", fill.Symbol.Ticker)
                .Run();
            return;
        }
        c.Command(t, """
            INSERT INTO positions (strategy, symbol, quantity, average_price, bought_quantity, bought_notional, entry_time, entry_order_id)
            VALUES (@strategy, @symbol, @quantity, @average, @boughtQuantity, @boughtNotional, @entryTime, @entryOrder)
            ON CONFLICT (strategy, symbol) DO UPDATE SET
                quantity = excluded.quantity, average_price = excluded.average_price,
                bought_quantity = excluded.bought_quantity, bought_notional = excluded.bought_notional,
                entry_time = excluded.entry_time, entry_order_id = excluded.entry_order_id
            """)
            .With("@strategy", next.Strategy)
            .With("@symbol", next.Symbol.Ticker)
            .With("@quantity", next.Quantity)
            .With("@average", next.AveragePrice)
            .With("@boughtQuantity", next.BoughtQuantity)
            .With("@boughtNotional", next.BoughtNotional)
            .With("@entryTime", next.EntryTime)
            .With("@entryOrder", next.EntryOrderId)
            .Run();
    }

    private static PositionRow ReadPositionRow(DbDataReader r) => new(
        r.Text("strategy"),
        r.Symbol("symbol"),
        r.Decimal("quantity"),
        r.Decimal("bought_quantity"),
        r.Decimal("bought_notional"),
        r.Time("entry_time"),
        r.NullableText("entry_order_id"));

    private static StoredFill ReadFill(DbDataReader r) => new(
        r.Long("id"),
        new Fill(
            r.Text("client_order_id"),
            r.Text("strategy"),
            r.Symbol("symbol"),
            r.Enum<OrderSide>("side"),
            r.Enum<OrderPurpose>("purpose"),
            r.Decimal("quantity"),
            r.Decimal("price"),
            r.Decimal("commission"),
            r.Decimal("slippage"),
            r.Time("time")));
}
