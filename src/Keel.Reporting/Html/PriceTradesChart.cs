using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// The close of one symbol over the traded range with a marker per trade entry (green, class
/// <c>entry</c>) and exit (red, class <c>exit</c>) at its fill time and price, each titled with its reason.
/// </summary>
internal static class PriceTradesChart
{
    public const string ElementId = "chart-price-trades";
    public const string EntryColour = "#2e7d32", ExitColour = "#c62828";
    private const double Width = 1000, PlotHeight = 340, Left = 64, Right = 24, Top = 20, AxisSpace = 30;

    public static string Render(BarSeries prices, IReadOnlyList<Trade> trades)
    {
        var svg = new SvgCanvas(Width, Top + PlotHeight + AxisSpace, $"{prices.Symbol} close with {trades.Count} trades");
        if (prices.Count == 0)
        {
            svg.Placeholder("No bars to draw");
            return svg.ToString();
        }
        var closes = new List<double>(prices.Count);
        foreach (ref readonly var bar in prices.Span) closes.Add(bar.Close);
        var own = trades.Where(t => t.Symbol == prices.Symbol).ToList();
        var values = closes.Concat(own.SelectMany(t => new[] { (double)t.EntryPrice, (double)t.ExitPrice })).ToList();
        var y = new NiceScale(values.Min(), values.Max(), Top + PlotHeight, Top);
        var first = prices[0].Timestamp;
        var last = prices[prices.Count - 1].Timestamp;
        var span = Math.Max(1, (last - first).Ticks);
        double X(DateTime t) => Left + (double)(t - first).Ticks / span * (Width - Right - Left);

        AxisDrawing.HorizontalGrid(svg, y, Left, Width - Right);
        svg.Text(Left, Top + PlotHeight + 16, first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "tick");
        svg.Text(Width - Right, Top + PlotHeight + 16, last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "tick", "end");
        var keep = MinMaxDownsampler.SelectIndices(closes, 2_000);
        svg.Polyline(keep.Select(i => (X(prices[i].Timestamp), y.Pixel(closes[i]))).ToList(), ChartPalette.ForRun(0), $"{prices.Symbol} close");
        foreach (var t in own)
        {
            svg.Circle(X(t.EntryTime), y.Pixel((double)t.EntryPrice), 4, EntryColour, string.Create(CultureInfo.InvariantCulture, $"entry {t.EntryTime:yyyy-MM-dd} at {t.EntryPrice}: {t.EntryReason}"));
            svg.Circle(X(t.ExitTime), y.Pixel((double)t.ExitPrice), 4, ExitColour, string.Create(CultureInfo.InvariantCulture, $"exit {t.ExitTime:yyyy-MM-dd} at {t.ExitPrice}: {t.ExitReason}"));
        }
        return svg.ToString();
    }
}
