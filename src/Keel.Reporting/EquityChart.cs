using Keel.Core.Trading;
using Keel.Reporting.Charts;
using System.Globalization;
using ScottPlot;

namespace Keel.Reporting;

/// <summary>
/// A PNG of one run: equity over time on top and the drawdown below it (filled under zero), sharing
/// the date axis. Drawn with ScottPlot on SkiaSharp, which needs no display, so it works headless.
/// </summary>
public static class EquityChart
{
    /// <summary>Points per series drawn; more than the pixels across only slows rendering.</summary>
    private const int MaxPointsPerSeries = 4_000;

    /// <summary>Skia finds it among the system fonts (DejaVu on Debian); if absent it falls back to another.</summary>
    private const string FontFamily = "DejaVu Sans";

    public static void SavePng(string path, string title, IReadOnlyList<EquityPoint> curve, decimal startingEquity,
        int width = 1200, int height = 800)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 200);

        var times = new double[curve.Count];
        var equity = new double[curve.Count];
        for (var i = 0; i < curve.Count; i++)
        {
            times[i] = curve[i].Time.ToOADate();
            equity[i] = curve[i].Equity;
        }
        var drawdown = DrawdownSeries.Percentages(curve, startingEquity);
        for (var i = 0; i < drawdown.Length; i++) drawdown[i] = -drawdown[i]; // drawn below zero

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var top = multiplot.GetPlot(0);
        var bottom = multiplot.GetPlot(1);

        Style(top, topPadding: 40);
        top.Title(title);
        top.YLabel("Equity");
        AddLine(top, times, equity, Colors.SteelBlue, fill: false);

        Style(bottom, topPadding: 12);
        bottom.YLabel("Drawdown %");
        AddLine(bottom, times, drawdown, Colors.FireBrick, fill: true);
        bottom.Add.HorizontalLine(0, 1, Colors.Gray);

        multiplot.SharedAxes.ShareX([top, bottom]);
        // Equity gets two thirds of the height, drawdown the rest.
        var layout = new ScottPlot.MultiplotLayouts.DraggableRows();
        layout.SetHeights([height * 2f / 3, height / 3f]);
        multiplot.Layout = layout;

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        multiplot.SavePng(path, width, height);
    }

    private static void Style(Plot plot, int topPadding)
    {
        plot.Font.Set(FontFamily);
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = time => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        // The same fixed margins on both plots line their data areas up under each other.
        plot.Layout.Fixed(new PixelPadding(left: 90, right: 25, bottom: 45, top: topPadding));
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, Color color, bool fill)
    {
        if (xs.Length == 0) return;
        var keep = MinMaxDownsampler.SelectIndices(ys, MaxPointsPerSeries);
        var x = new double[keep.Length];
        var y = new double[keep.Length];
        for (var i = 0; i < keep.Length; i++)
        {
            x[i] = xs[keep[i]];
            y[i] = ys[keep[i]];
        }
        var line = plot.Add.ScatterLine(x, y, color);
        line.LineWidth = 1.5f;
        if (fill)
        {
            line.FillY = true;
            line.FillYValue = 0;
            line.FillYColor = color.WithAlpha(0.35);
        }
    }
}
