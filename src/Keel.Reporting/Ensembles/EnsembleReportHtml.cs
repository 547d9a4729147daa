using System.Globalization;
using System.Net;
using Keel.Core.Domain;
using Keel.Core.Research;

namespace Keel.Reporting.Ensembles;

/// <summary>The sections of <c>ensemble_report.html</c> beyond the runs: verdicts, the tally across symbols, the tuned windows, correlations.</summary>
public static class EnsembleReportHtml
{
    public static string Verdicts(IEnumerable<EnsembleComparisonResult> results)
    {
        var rows = string.Concat(results.SelectMany(r => r.Ensembles.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"<tr><td>{WebUtility.HtmlEncode(r.Symbol.Ticker)}</td><td>{WebUtility.HtmlEncode(e.Name)}</td><td>{e.OutOfSample.Sharpe:0.00}</td><td>{WebUtility.HtmlEncode(r.BestMember.Name)}</td><td>{r.BestMember.OutOfSample.Sharpe:0.00}</td><td>{(EnsembleComparisonResult.TooFewTrades(e) ? "no: too few trades" : r.Beats(e) ? "yes" : "no")}</td>" +
            $"<td>{(r.InSampleChoice is { } choice ? choice.OutOfSample.Sharpe.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}</td><td>{(r.BeatsInSampleChoice(e) switch { true => "yes", false => "no", null => "n/a" })}</td></tr>"))));
        return "<table><thead><tr><th>symbol</th><th>ensemble</th><th>Sharpe</th><th>best member (after the fact)</th><th>its Sharpe</th><th>beats it?</th><th>in-sample choice's Sharpe</th><th>beats it?</th></tr></thead><tbody>" + rows + "</tbody></table>";
    }

    public static string Tally(IEnumerable<CandidateTally> tallies)
    {
        var rows = string.Concat(tallies.Select(t =>
            $"<tr><td>{WebUtility.HtmlEncode(t.Name)}</td><td>{EnsembleText.D(t.MeanSharpe)}</td><td>{WebUtility.HtmlEncode(EnsembleText.Tally(t))}</td></tr>"));
        return "<table><thead><tr><th>strategy</th><th>mean out-of-sample Sharpe</th><th>symbols</th></tr></thead><tbody>" + rows + "</tbody></table>";
    }

    public static string Windows(IEnumerable<EnsembleComparisonResult> results)
    {
        var rows = string.Concat(results.SelectMany(r => r.Steps.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"<tr><td>{WebUtility.HtmlEncode(r.Symbol.Ticker)}</td><td>{s.IsFrom:yyyy-MM-dd}</td><td>{s.OosFrom:yyyy-MM-dd}</td><td>{s.OosTo:yyyy-MM-dd}</td><td>{WebUtility.HtmlEncode(string.Join(" | ", s.Members.Select((m, i) => s.Tuning[i] is { } t ? $"{m.Text} ({EnsembleText.Trust(t)})" : m.Text)))}</td><td>{WebUtility.HtmlEncode(s.InSampleChoice is { } pick ? s.Members[pick].Text : "")}</td></tr>"))));
        return "<table><thead><tr><th>symbol</th><th>in sample from</th><th>out of sample from</th><th>to</th><th>members as chosen (tuned: deflated Sharpe, PBO of the in-sample sweep)</th><th>in-sample choice</th></tr></thead><tbody>" + rows + "</tbody></table>";
    }

    public static string Correlation(Symbol symbol, IReadOnlyList<string> names, double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(matrix);
        var html = new System.Text.StringBuilder($"<p>{WebUtility.HtmlEncode(symbol.Ticker)}</p><table><thead><tr><th></th>");
        foreach (var n in names) html.Append("<th>").Append(WebUtility.HtmlEncode(n)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < names.Count; i++)
        {
            html.Append("<tr><th>").Append(WebUtility.HtmlEncode(names[i])).Append("</th>");
            for (var j = 0; j < names.Count; j++)
                html.Append("<td>").Append(double.IsFinite(matrix[i, j]) ? matrix[i, j].ToString("0.00", CultureInfo.InvariantCulture) : "n/a").Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    public static string Rolling(IEnumerable<PairCorrelation> pairs, int window)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var html = new System.Text.StringBuilder($"<table><thead><tr><th>member</th><th>member</th><th>whole period</th><th>{window}-day mean</th><th>min</th><th>max</th><th>windows</th></tr></thead><tbody>");
        foreach (var p in pairs)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(p.A)).Append("</td><td>").Append(WebUtility.HtmlEncode(p.B)).Append("</td>");
            foreach (var v in new[] { p.FullPeriod, p.Rolling.Mean, p.Rolling.Min, p.Rolling.Max })
                html.Append("<td>").Append(double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a").Append("</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{p.Rolling.Defined} of {p.Rolling.Windows}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
