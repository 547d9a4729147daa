using System.Data.Common;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>Orders: the intent stored before it is sent, then its status as events arrive, and its history.</summary>
public abstract partial class DbTradingStore
{
    private const string OpenStatuses = "('New', 'Accepted', 'PartiallyFilled')";

    /// <summary>
    /// New stores the order if its id is unknown (a second New, a decision re-made after a restart, leaves
    /// it as it is). Other statuses update it, or store it when the broker created it (bracket exits).
    /// A fill event records the fill once (see <see cref="RecordFill"/>). Every event except a repeated
    /// fill is appended to the order's history.
    /// </summary>
    public void Record(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (orderEvent.Fill is { } fill && orderEvent.Status is OrderStatus.Filled or OrderStatus.PartiallyFilled)
        {
            Write((c, t) => RecordFill(c, t, orderEvent, fill));
            return;
        }
        Write((c, t) =>
        {
            var order = orderEvent.Order;
            var known = LoadOrderState(c, t, order.ClientOrderId);
            if (known is null) InsertOrder(c, t, order, orderEvent.Status, orderEvent.Time, orderEvent.Note);
            else if (StatusMoves(known.Status, orderEvent.Status)) UpdateOrder(c, t, order.ClientOrderId, orderEvent.Status, known.FilledQuantity, orderEvent.Time, orderEvent.Note);
            AppendOrderEvent(c, t, orderEvent, orderEvent.Status, orderEvent.Note);
        });
    }

    public IReadOnlyList<StoredOrder> OpenOrders() => Read(c =>
        c.Command(null, $"SELECT * FROM orders WHERE status IN {OpenStatuses} ORDER BY created_at, client_order_id").Rows(ReadOrder));

    public StoredOrder? FindOrder(string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return Read(c => c.Command(null, "SELECT * FROM orders WHERE client_order_id = @id").With("@id", clientOrderId).FirstOrNull(ReadOrder));
    }

    /// <summary>Every event recorded for an order, oldest first: its whole life, for audits and <c>keel status</c>.</summary>
    public IReadOnlyList<OrderHistoryEntry> OrderHistory(string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return Read(c => c.Command(null, "SELECT * FROM order_events WHERE client_order_id = @id ORDER BY id")
            .With("@id", clientOrderId)
            .Rows(r => new OrderHistoryEntry(r.Time("time"), r.Text("client_order_id"), r.Enum<OrderStatus>("status"), r.Text("note"), r.NullableTime("received_at"))));
    }

    public void SetBrokerOrderId(string clientOrderId, string brokerOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        ArgumentNullException.ThrowIfNull(brokerOrderId);
        Write((c, t) =>
        {
            var changed = c.Command(t, "UPDATE orders SET broker_order_id = @broker WHERE client_order_id = @id")
                .With("@broker", brokerOrderId).With("@id", clientOrderId).Run();
            // The order is recorded (New) before it is sent, so the broker can only know orders the store knows.
            if (changed == 0) throw new InvalidOperationException($"{Description} has no order {clientOrderId} to attach broker order id {brokerOrderId} to.");
        });
    }

    /// <summary>
    /// Whether a status event may replace the stored status: never out of a final status (a late
    /// Accepted must not reopen a filled or cancelled order), never backwards, and a New never changes
    /// a stored order.
    /// </summary>
    private static bool StatusMoves(OrderStatus stored, OrderStatus next) =>
        !IsFinal(stored) && next != OrderStatus.New && Rank(next) >= Rank(stored);

    private static bool IsFinal(OrderStatus status) => Rank(status) == 3;

    private static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.New => 0,
        OrderStatus.Accepted => 1,
        OrderStatus.PartiallyFilled => 2,
        _ => 3,
    };

    /// <summary>What a status change or a fill needs to know of a stored order.</summary>
    private sealed record OrderState(OrderStatus Status, decimal Quantity, decimal FilledQuantity);

    private static OrderState? LoadOrderState(DbConnection c, DbTransaction t, string clientOrderId) =>
        c.Command(t, "SELECT status, quantity, filled_quantity FROM orders WHERE client_order_id = @id")
            .With("@id", clientOrderId)
            .FirstOrNull(r => new OrderState(r.Enum<OrderStatus>("status"), r.Decimal("quantity"), r.Decimal("filled_quantity")));

    private static void InsertOrder(DbConnection c, DbTransaction t, OrderRequest order, OrderStatus status, DateTime time, string note) =>
        c.Command(t, """
            INSERT INTO orders (client_order_id, strategy, symbol, side, quantity, order_type, limit_price, stop_price, purpose,
                created_at, reason, stop_loss_percent, take_profit_percent, trailing_stop_percent, reference_price, parent_id,
                status, filled_quantity, broker_order_id, updated_at, note)
            VALUES (@id, @strategy, @symbol, @side, @quantity, @type, @limit, @stop, @purpose,
                @created, @reason, @stopLoss, @takeProfit, @trailing, @reference, @parent,
                @status, @filled, NULL, @updated, @note)
            """)
            .With("@id", order.ClientOrderId)
            .With("@strategy", order.Strategy)
            .With("@symbol", order.Symbol.Ticker)
            .WithEnum("@side", order.Side)
            .With("@quantity", order.Quantity)
            .WithEnum("@type", order.Type)
            .With("@limit", order.LimitPrice)
            .With("@stop", order.StopPrice)
            .WithEnum("@purpose", order.Purpose)
            .With("@created", order.CreatedAt)
            .With("@reason", order.Reason)
            .With("@stopLoss", order.StopLossPercent)
            .With("@takeProfit", order.TakeProfitPercent)
            .With("@trailing", order.TrailingStopPercent)
            .With("@reference", order.ReferencePrice)
            .With("@parent", order.ParentId)
            .WithEnum("@status", status)
            .With("@filled", 0m)
            .With("@updated", time)
            .With("@note", note)
            .Run();

    private static void UpdateOrder(DbConnection c, DbTransaction t, string clientOrderId, OrderStatus status, decimal filledQuantity, DateTime time, string note) =>
        c.Command(t, "UPDATE orders SET status = @status, filled_quantity = @filled, updated_at = @updated, note = @note WHERE client_order_id = @id")
            .WithEnum("@status", status)
            .With("@filled", filledQuantity)
            .With("@updated", time)
            .With("@note", note)
            .With("@id", clientOrderId)
            .Run();

    private static void AppendOrderEvent(DbConnection c, DbTransaction t, OrderEvent orderEvent, OrderStatus status, string note) =>
        c.Command(t, "INSERT INTO order_events (time, client_order_id, status, note, received_at) VALUES (@time, @id, @status, @note, @received)")
            .With("@time", orderEvent.Time)
            .With("@id", orderEvent.Order.ClientOrderId)
            .With("@received", orderEvent.ReceivedAt)
            .WithEnum("@status", status)
            .With("@note", note)
            .Run();

    private static StoredOrder ReadOrder(DbDataReader r) => new(
        new OrderRequest
        {
            ClientOrderId = r.Text("client_order_id"),
            Strategy = r.Text("strategy"),
            Symbol = r.Symbol("symbol"),
            Side = r.Enum<OrderSide>("side"),
            Quantity = r.Decimal("quantity"),
            Type = r.Enum<OrderType>("order_type"),
            LimitPrice = r.NullableDecimal("limit_price"),
            StopPrice = r.NullableDecimal("stop_price"),
            Purpose = r.Enum<OrderPurpose>("purpose"),
            CreatedAt = r.Time("created_at"),
            Reason = r.Text("reason"),
            StopLossPercent = r.NullableDecimal("stop_loss_percent"),
            TakeProfitPercent = r.NullableDecimal("take_profit_percent"),
            TrailingStopPercent = r.NullableDecimal("trailing_stop_percent"),
            ReferencePrice = r.NullableDecimal("reference_price"),
            ParentId = r.NullableText("parent_id"),
        },
        r.Enum<OrderStatus>("status"),
        r.Decimal("filled_quantity"),
        r.NullableText("broker_order_id"),
        r.Time("updated_at"),
        r.Text("note"));
}
