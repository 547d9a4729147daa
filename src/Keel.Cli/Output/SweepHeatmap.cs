using System.Globalization;
using System.Net;
using System.Text;
using Keel.Core.Research;

namespace Keel.Cli.Output;

/// <summary>
/// An HTML heatmap of a sweep's metric over its first two parameters (other parameters: the best
/// value over them). Cells are coloured from red (worst) to green (best); the best cell is outlined.
/// </summary>
internal static class SweepHeatmap
{
    public static string Html(SweepResult sweep, ParameterGrid grid, Func<SweepTrial, double> metric)
    {
        var axes = grid.Axes;
        var rowAxis = axes[0];
        var columnAxis = axes.Count > 1 ? axes[1] : null;
        var cells = new Dictionary<(double, double), double>();
        foreach (var trial in sweep.Trials)
        {
            var key = (trial.Spec.Parameters.Get(rowAxis.Name), columnAxis is null ? 0 : trial.Spec.Parameters.Get(columnAxis.Name));
            var value = metric(trial);
            if (!double.IsFinite(value)) continue;
            cells[key] = cells.TryGetValue(key, out var existing) ? Math.Max(existing, value) : value;
        }
        var min = cells.Count == 0 ? 0 : cells.Values.Min();
        var max = cells.Count == 0 ? 0 : cells.Values.Max();
        var best = (sweep.Best.Spec.Parameters.Get(rowAxis.Name), columnAxis is null ? 0 : sweep.Best.Spec.Parameters.Get(columnAxis.Name));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(sweep.Metric)} by {WebUtility.HtmlEncode(rowAxis.Name)} (rows)");
        if (columnAxis is not null) html.Append(CultureInfo.InvariantCulture, $" and {WebUtility.HtmlEncode(columnAxis.Name)} (columns)");
        if (axes.Count > 2) html.Append("; each cell shows the best over the other parameters");
        html.Append(".</p><table id=\"sweep-heatmap\" style=\"border-collapse:collapse;font-size:12px\"><thead><tr><th></th>");
        foreach (var c in columnAxis?.Values ?? [0.0])
            html.Append(CultureInfo.InvariantCulture, $"<th style=\"padding:4px\">{(columnAxis is null ? "" : F(c))}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var r in rowAxis.Values)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"padding:4px\">{F(r)}</th>");
            foreach (var c in columnAxis?.Values ?? [0.0])
            {
                if (!cells.TryGetValue((r, c), out var v)) { html.Append("<td style=\"background:#eee\"></td>"); continue; }
                var t = max > min ? (v - min) / (max - min) : 0.5;
                var color = string.Create(CultureInfo.InvariantCulture, $"hsl({t * 120:0},65%,{55 + 20 * (1 - Math.Abs(2 * t - 1)):0}%)");
                var outline = (r, c) == best ? "outline:3px solid #111;" : "";
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:{color};{outline}padding:4px;text-align:right\" title=\"{WebUtility.HtmlEncode(rowAxis.Name)}={F(r)}\">{v:0.00}</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
