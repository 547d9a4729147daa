using Keel.Core.Trading;
using Keel.Reporting.Csv;

namespace Keel.Reporting;

/// <summary>
/// <c>orders.csv</c>: every order event of a backtest in the order it happened — sent, accepted, filled,
/// refused by risk, rejected by the broker, cancelled — each with its reason, so every refused or resized
/// order can be seen.
/// </summary>
public static class OrderJournalCsv
{
    public static void Write(string path, IEnumerable<OrderEvent> events)
    {
        using var file = ReportFile.Create(path);
        Write(file, events);
    }

    /// <summary>
    /// Columns: time, client_order_id, strategy, symbol, side, purpose, type, quantity, status,
    /// fill_price, commission, slippage, reason.
    /// </summary>
    public static void Write(TextWriter writer, IEnumerable<OrderEvent> events)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var csv = new CsvLineWriter(writer);
        csv.Header("time", "client_order_id", "strategy", "symbol", "side", "purpose", "type", "quantity", "status",
            "fill_price", "commission", "slippage", "reason");
        foreach (var e in events)
        {
            var o = e.Order;
            csv.Field(CsvFormat.Time(e.Time))
                .Field(CsvFormat.Text(o.ClientOrderId))
                .Field(CsvFormat.Text(o.Strategy))
                .Field(CsvFormat.Text(o.Symbol.Ticker))
                .Field(o.Side == OrderSide.Buy ? "buy" : "sell")
                .Field(CsvFormat.Text(o.Purpose.ToString()))
                .Field(CsvFormat.Text(o.Type.ToString()))
                .Field(CsvFormat.Decimal(e.Fill?.Quantity ?? o.Quantity))
                .Field(Status(e.Status))
                .Field(e.Fill is { } f ? CsvFormat.Decimal(f.Price) : "")
                .Field(e.Fill is { } c ? CsvFormat.Decimal(c.Commission) : "")
                .Field(e.Fill is { } s ? CsvFormat.Decimal(s.Slippage) : "")
                .Field(CsvFormat.Text(e.Fill is null ? e.Note : ""))
                .EndLine();
        }
    }

    private static string Status(OrderStatus status) => status switch
    {
        OrderStatus.New => "sent",
        OrderStatus.Accepted => "accepted",
        OrderStatus.PartiallyFilled => "partially_filled",
        OrderStatus.Filled => "filled",
        OrderStatus.Canceled => "cancelled",
        OrderStatus.Rejected => "rejected",
        _ => "refused_by_risk",
    };
}
