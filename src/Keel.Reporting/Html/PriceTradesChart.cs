using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// The close of one symbol over the traded range with a marker per trade entry (green ▲, series <c>entries</c>)
/// and exit (red ▼, series <c>exits</c>) at its fill time and price, each named with its reason for the tooltip.
/// </summary>
internal static class PriceTradesChart
{
    public const string ElementId = "chart-price-trades";
    public const string EntryColour = "#2e7d32", ExitColour = "#c62828";
    public const int MaxClosePoints = 2_000;
    private const int Height = 440;

    public static string Render(BarSeries prices, IReadOnlyList<Trade> trades)
    {
        if (prices.Count == 0) return EChartElement.Placeholder("No bars to draw");
        var closes = new List<double>(prices.Count);
        foreach (ref readonly var bar in prices.Span) closes.Add(bar.Close);
        var keep = MinMaxDownsampler.SelectIndices(closes, MaxClosePoints);
        var own = trades.Where(t => t.Symbol == prices.Symbol).ToList();

        var option = new ChartOption
        {
            Tooltip = new ChartTooltip("item"),
            Legend = new ChartLegend(Top: "0", Right: 10),
            Grid = new ChartGrid(64, 24, 36, 64),
            XAxis = ChartParts.TimeAxis(),
            YAxis = new ChartAxis("value") { Scale = true },
            DataZoom = ChartParts.TimeZoom(),
            Series =
            [
                new ChartSeriesOption("close", "line", keep.Select(i => ChartPoint.At(ChartParts.Ms(prices[i].Timestamp), closes[i])).ToList())
                {
                    Color = ChartPalette.ForRun(0), ShowSymbol = false, LineStyle = new ChartLineStyle(1.4),
                },
                Markers("entries", EntryColour, 0, own.Select(t => new ChartPoint([ChartParts.Ms(t.EntryTime), (double)t.EntryPrice],
                    string.Create(CultureInfo.InvariantCulture, $"entry {t.EntryTime:yyyy-MM-dd HH:mm} at {t.EntryPrice}: {t.EntryReason}")))),
                Markers("exits", ExitColour, 180, own.Select(t => new ChartPoint([ChartParts.Ms(t.ExitTime), (double)t.ExitPrice],
                    string.Create(CultureInfo.InvariantCulture, $"exit {t.ExitTime:yyyy-MM-dd HH:mm} at {t.ExitPrice}: {t.ExitReason} (net P&L {DisplayFormat.Money(t.NetPnl)})")))),
            ],
        };
        return EChartElement.Html(option, Height, $"{prices.Symbol} close with {own.Count} trades");
    }

    private static ChartSeriesOption Markers(string name, string colour, int rotate, IEnumerable<ChartPoint> points) =>
        new(name, "scatter", points.ToList())
        {
            Color = colour,
            Symbol = "triangle",
            SymbolSize = 10,
            SymbolRotate = rotate == 0 ? null : rotate,
            Tooltip = new ChartTooltip("item", "{b}"),
            Z = 3,
        };
}
