using System.Globalization;
using System.Net;
using System.Text.Json;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// The markup of one chart in a report: an empty div the page script hands to ECharts, and right after it the
/// chart's option as JSON. System.Text.Json escapes &lt; &gt; &amp; and quotes, so no label can end the script
/// element or inject markup.
/// </summary>
internal static class EChartElement
{
    public const string OptionScriptType = "application/json";

    /// <param name="description">What the chart shows, for screen readers (the canvas itself says nothing).</param>
    public static string Html(ChartOption option, int height, string description) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"echart\" style=\"height:{height}px\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(description)}\"></div><script type=\"{OptionScriptType}\" class=\"echart-option\">{Json(option)}</script>");

    public static string Json(ChartOption option) => JsonSerializer.Serialize(option, ChartJson.Default.ChartOption);

    /// <summary>Said in place of a chart when there is nothing to draw.</summary>
    public static string Placeholder(string message) => $"<p class=\"placeholder\">{WebUtility.HtmlEncode(message)}</p>";

    /// <summary>A short line under a chart (what could not be drawn).</summary>
    public static string Note(string text) => $"<p class=\"note\">{WebUtility.HtmlEncode(text)}</p>";
}
