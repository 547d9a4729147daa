using System.Text.Json.Serialization;

namespace Keel.Reporting.Charts;

/// <summary>
/// The part of an Apache ECharts option the reports use, as records: a chart is built here from report models and
/// written as JSON (<see cref="ChartJson"/>) next to its element; the page's script only hands it to
/// <c>echarts.init(el).setOption(option)</c>. Property names are ECharts' own (camelCase); nulls are left out so
/// ECharts' defaults apply. Times are Unix milliseconds (UTC) and the chart is told to show them in UTC.
/// </summary>
public sealed record ChartOption
{
    public bool Animation { get; init; }
    [JsonPropertyName("useUTC")]
    public bool UseUtc { get; init; } = true;
    public ChartTitle? Title { get; init; }
    public ChartTooltip? Tooltip { get; init; }
    public ChartLegend? Legend { get; init; }
    public required ChartGrid Grid { get; init; }
    public required ChartAxis XAxis { get; init; }
    public required ChartAxis YAxis { get; init; }
    public IReadOnlyList<ChartZoom>? DataZoom { get; init; }
    public ChartVisualMap? VisualMap { get; init; }
    public required IReadOnlyList<ChartSeriesOption> Series { get; init; }
}

public sealed record ChartTitle(string Text, string? Left = null, string? Top = null);

/// <param name="Trigger">item (the point under the pointer) or axis (every series at that x).</param>
public sealed record ChartTooltip(string Trigger, string? Formatter = null);

public sealed record ChartLegend(string? Top = null, string? Bottom = null, int? Left = null, int? Right = null);

public sealed record ChartGrid(int Left, int Right, int Top, int Bottom);

/// <param name="Type">time, value or category.</param>
public sealed record ChartAxis(string Type)
{
    public string? Name { get; init; }
    public string? NameLocation { get; init; }
    public int? NameGap { get; init; }
    public IReadOnlyList<string>? Data { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>Let the axis leave out zero (prices, equity) instead of always starting at it.</summary>
    public bool? Scale { get; init; }
    public ChartAxisLabel? AxisLabel { get; init; }
}

/// <param name="Formatter">An ECharts string template such as <c>{value}%</c> (no code).</param>
/// <param name="Width">With <paramref name="Overflow"/> truncate: longer labels end in an ellipsis.</param>
public sealed record ChartAxisLabel(string? Formatter = null, int? Rotate = null, int? Interval = null, int? Width = null, string? Overflow = null,
    bool? HideOverlap = null);

/// <param name="Type">inside (wheel and drag) or slider (a handle bar under the plot).</param>
public sealed record ChartZoom(string Type, int? Height = null, int? Bottom = null);

/// <summary>Maps a heatmap's values to colours, with its scale drawn at the side.</summary>
public sealed record ChartVisualMap(double Min, double Max, ChartInRange InRange)
{
    public bool Calculable { get; init; } = true;
    /// <summary>Decimals of the scale's end labels (ECharts rounds them to whole numbers otherwise).</summary>
    public int Precision { get; init; } = 2;
    public int Right { get; init; }
    public string Top { get; init; } = "middle";
}

public sealed record ChartInRange(IReadOnlyList<string> Color);

/// <summary>One series: a line, bars, scattered markers or heatmap cells.</summary>
public sealed record ChartSeriesOption(string Name, string Type, IReadOnlyList<ChartPoint> Data)
{
    public string? Color { get; init; }
    public string? Symbol { get; init; }
    public int? SymbolSize { get; init; }
    public int? SymbolRotate { get; init; }
    /// <summary>Keeps a few runs' bars from filling the whole width.</summary>
    public int? BarMaxWidth { get; init; }
    public bool? ShowSymbol { get; init; }
    public ChartLineStyle? LineStyle { get; init; }
    public ChartLabel? Label { get; init; }
    /// <summary>A tooltip for this series only (markers whose name says what happened).</summary>
    public ChartTooltip? Tooltip { get; init; }
    public ChartMarkLine? MarkLine { get; init; }
    public ChartLabelLayout? LabelLayout { get; init; }
    public int? Z { get; init; }
}

public sealed record ChartLineStyle(double Width);

/// <param name="HideOverlap">Drop labels that would overlap others (many runs in one scatter).</param>
public sealed record ChartLabelLayout(bool HideOverlap);

/// <param name="Position">top, right, outside (beyond the bar's end) ...</param>
/// <param name="Formatter">A string template: {b} the point's name, {c} its value.</param>
public sealed record ChartLabel(bool Show, string? Position = null, string? Formatter = null, int? FontSize = null);

/// <summary>Horizontal reference lines (a baseline at 100, zero) that do not react to the pointer.</summary>
public sealed record ChartMarkLine(IReadOnlyList<ChartMarkLineAt> Data)
{
    public bool Silent { get; init; } = true;
    public string Symbol { get; init; } = "none";
    public ChartMarkLineStyle LineStyle { get; init; } = new("#9aa5b1", "dashed");
    public ChartMarkLineLabel Label { get; init; } = new(false);
}

public sealed record ChartMarkLineAt(double YAxis);

public sealed record ChartMarkLineStyle(string Color, string Type);

public sealed record ChartMarkLineLabel(bool Show);
