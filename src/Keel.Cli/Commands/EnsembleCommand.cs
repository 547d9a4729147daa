using System.CommandLine;
using System.Globalization;
using System.Net;
using Keel.Cli.Output;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Symbol = Keel.Core.Domain.Symbol;
using Keel.Core.Ensembles;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Reporting;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel ensemble compare</c>: each member alone and each voting method, over the same symbols and
/// period, with costs; says per symbol whether an ensemble beats the best single member (by Sharpe).
/// </summary>
internal static class EnsembleCommand
{
    public static Command Create()
    {
        var command = new Command("ensemble", "Ensembles of strategies: compare voting methods with their members.");
        command.Subcommands.Add(Compare());
        return command;
    }

    private static Command Compare()
    {
        var data = new DataOptions();
        var options = new BacktestOptions();
        var members = new Option<string>("--members") { Description = "Member strategies separated by '|', e.g. sma-crossover:fast=10,slow=30|rsi|macd.", DefaultValueFactory = _ => "sma-crossover|rsi|macd|mean-reversion" };
        var from = new Option<DateTime?>("--from") { Description = "Only bars from this date (UTC), e.g. to keep a period the members were not tuned on." };
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var window = new Option<int>("--correlation-window") { Description = "Days in each window of the members' rolling correlation.", DefaultValueFactory = _ => 63 };
        var command = new Command("compare", "Run each member alone and each voting method with costs; report whether the ensemble beats the best single member.") { members, from, output, window };
        data.AddTo(command);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var memberSpecs = parse.GetValue(members)!.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(StrategyRegistry.Default.Parse).ToList();
            if (memberSpecs.Count < 2) throw new UsageException("--members needs at least two strategies separated by '|'.");
            var memberText = string.Join("|", memberSpecs.Select(m => m.Text));
            var correlationWindow = parse.GetValue(window);
            if (correlationWindow < 2) throw new UsageException($"--correlation-window must be at least 2 days, got {correlationWindow}.");
            // Each method voting on this bar's signals, then on the members' stances (their held positions).
            var ensembles = (from votes in new[] { "signals", "stances" }
                             from method in new[] { "method=consensus,min=2", "method=weighted", "method=confidence" }
                             select EnsembleSpec.Parse($"ensemble({method},votes={votes})[{memberText}]", StrategyRegistry.Default)).ToList();
            var candidates = memberSpecs.Cast<IStrategySpec>().Concat(ensembles).ToList();
            var settings = options.Settings(parse, CompareCommand.DefaultCostSlippage, CompareCommand.DefaultCostCommission);
            var series = data.Load(parse, Console.Error, allStoreSymbolsByDefault: true).Select(s => From(s, parse.GetValue(from))).ToList();

            var jobs = (from s in series from c in candidates select (s, c)).ToList();
            var results = ParallelBacktests.Run(jobs.Count, i => Backtester.Run(settings, [jobs[i].s], [jobs[i].c]));

            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            var verdicts = new List<(Symbol Symbol, string Method, bool Beats, double EnsembleSharpe, string BestMember, double BestSharpe)>();
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Ensembles vs members (with costs)[/]");
            foreach (var c in new[] { "symbol", "strategy", "return", "max DD", "Sharpe", "win rate", "trades", "beats best single?" })
                table.AddColumn(c is "symbol" or "strategy" or "beats best single?" ? new TableColumn(c) : new TableColumn(c).RightAligned());
            foreach (var s in series)
            {
                var rows = jobs.Select((j, i) => (j.s, j.c, r: results[i])).Where(x => x.s == s).ToList();
                var best = rows.Where(x => x.c is StrategySpec).MaxBy(x => x.r.Metrics.Sharpe);
                foreach (var (_, spec, r) in rows)
                {
                    var m = r.Metrics;
                    var verdict = "";
                    if (spec is EnsembleSpec)
                    {
                        var beats = m.Sharpe > best.r.Metrics.Sharpe;
                        verdicts.Add((s.Symbol, spec.ShortName, beats, m.Sharpe, best.c.ShortName, best.r.Metrics.Sharpe));
                        verdict = beats ? "[green]yes[/]" : $"no (best: {Markup.Escape(best.c.ShortName)})";
                    }
                    table.AddRow(Markup.Escape(s.Symbol.Ticker), Markup.Escape(spec.ShortName), SummaryTable.Pct(m.TotalReturnPct), SummaryTable.Pct(m.MaxDrawdownPct),
                        SummaryTable.D(m.Sharpe), SummaryTable.Pct(m.WinRatePct), m.Trades.ToString(CultureInfo.InvariantCulture), verdict);
                }
            }
            var correlations = new System.Text.StringBuilder();
            var pairRows = new List<PairCorrelation>();
            foreach (var s in series)
            {
                // Members' own daily returns when run alone: how much they really differ, over the whole period
                // and window by window.
                var alone = jobs.Select((j, i) => (j, r: results[i])).Where(x => x.j.s == s && x.j.c is StrategySpec).ToList();
                var daily = alone.Select(x => x.r.DailyReturns.ToArray()).ToList();
                var matrix = Correlation.Matrix(daily);
                var pairs = new List<PairCorrelation>();
                for (var a = 0; a < alone.Count; a++)
                    for (var b = a + 1; b < alone.Count; b++)
                        pairs.Add(new PairCorrelation(s.Symbol, alone[a].j.c.Text, alone[b].j.c.Text, matrix[a, b], RollingCorrelation.Summarize(daily[a], daily[b], correlationWindow)));
                pairRows.AddRange(pairs);
                correlations.Append(CorrelationHtml(s.Symbol, alone.Select(x => x.j.c.ShortName).ToList(), matrix)).Append(RollingHtml(pairs, correlationWindow));
                var full = pairs.Select(p => p.FullPeriod).Where(double.IsFinite).ToList();
                var rolling = pairs.Where(p => p.Rolling.Defined > 0).ToList();
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Symbol}: mean correlation of the members' daily returns {(full.Count > 0 ? full.Average() : double.NaN):0.00}; over {correlationWindow}-day windows: ") +
                    (rolling.Count == 0 ? "n/a (too few days)" : string.Create(CultureInfo.InvariantCulture,
                    $"mean {rolling.Average(p => p.Rolling.Mean):0.00}, min {rolling.Min(p => p.Rolling.Min):0.00}, max {rolling.Max(p => p.Rolling.Max):0.00}"))));
            }
            WriteCorrelationCsv(Path.Combine(folder, "ensemble_correlation.csv"), pairRows);
            ResultCsvWriter.WriteSummary(Path.Combine(folder, "ensemble_comparison.csv"),
                jobs.Select((j, i) => new SummaryRow(j.c.Text, j.s.Symbol.Ticker, "with costs", results[i].Metrics)).ToList());
            var report = Path.Combine(folder, "ensemble_report.html");
            HtmlReport.Write(report, new HtmlReportModel
            {
                Title = "Keel ensembles vs their members",
                Settings =
                [
                    new("members", memberText),
                    new("symbols", string.Join(", ", series.Select(x => $"{x.Symbol} ({x.Count} {x.Timeframe} bars from {x[0].Timestamp:yyyy-MM-dd})"))),
                    new("costs", settings.Broker.ToString()),
                    new("verdict rule", "an ensemble beats the members when its post-cost Sharpe is above the best single member's on the same symbol and period"),
                ],
                Runs = jobs.Select((j, i) => new ReportRun($"{j.c.ShortName} {j.s.Symbol}", j.c.Text, j.s.Symbol.Ticker, "with costs", results[i].Metrics, results[i].EquityCurve)).ToList(),
                Sections =
                [
                    new ReportSection("Does the ensemble beat the best single member?", VerdictHtml(verdicts)),
                    new ReportSection($"Correlation of the members' daily returns (each run alone, with costs): whole period and {correlationWindow}-day rolling", correlations.ToString()),
                ],
            });
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"CSV: [bold]{Markup.Escape(Path.GetFullPath(Path.Combine(folder, "ensemble_comparison.csv")))}[/]  correlations: [bold]{Markup.Escape(Path.GetFullPath(Path.Combine(folder, "ensemble_correlation.csv")))}[/]");
            AnsiConsole.MarkupLine($"HTML report: [bold]{Markup.Escape(Path.GetFullPath(report))}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static BarSeries From(BarSeries series, DateTime? from)
    {
        if (from is null) return series;
        var start = DateTime.SpecifyKind(from.Value, DateTimeKind.Utc);
        var kept = series.Between(start, DateTime.MaxValue);
        if (kept.Count == 0) throw new UsageException($"{series.Symbol} has no bars from {start:yyyy-MM-dd}.");
        return kept;
    }

    private static string CorrelationHtml(Symbol symbol, IReadOnlyList<string> names, double[,] matrix)
    {
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

    /// <summary>Two members' correlation on one symbol: over the whole period and over rolling windows.</summary>
    private sealed record PairCorrelation(Symbol Symbol, string A, string B, double FullPeriod, RollingCorrelationSummary Rolling);

    private static string RollingHtml(IEnumerable<PairCorrelation> pairs, int window)
    {
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

    private static void WriteCorrelationCsv(string path, IEnumerable<PairCorrelation> pairs)
    {
        static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var csv = new System.Text.StringBuilder("symbol,member_a,member_b,full_period,window_days,rolling_mean,rolling_min,rolling_max,windows_defined,windows\n");
        foreach (var p in pairs)
            csv.Append(CultureInfo.InvariantCulture,
                $"{p.Symbol.Ticker},{Quote(p.A)},{Quote(p.B)},{p.FullPeriod:R},{p.Rolling.Window},{p.Rolling.Mean:R},{p.Rolling.Min:R},{p.Rolling.Max:R},{p.Rolling.Defined},{p.Rolling.Windows}\n");
        File.WriteAllText(path, csv.ToString());
    }

    private static string VerdictHtml(IEnumerable<(Symbol Symbol, string Method, bool Beats, double EnsembleSharpe, string BestMember, double BestSharpe)> verdicts)
    {
        var rows = string.Concat(verdicts.Select(v => string.Create(CultureInfo.InvariantCulture,
            $"<tr><td>{WebUtility.HtmlEncode(v.Symbol.Ticker)}</td><td>{WebUtility.HtmlEncode(v.Method)}</td><td>{v.EnsembleSharpe:0.00}</td><td>{WebUtility.HtmlEncode(v.BestMember)}</td><td>{v.BestSharpe:0.00}</td><td>{(v.Beats ? "yes" : "no")}</td></tr>")));
        return "<table><thead><tr><th>symbol</th><th>ensemble</th><th>Sharpe</th><th>best member</th><th>its Sharpe</th><th>beats it?</th></tr></thead><tbody>" + rows + "</tbody></table>";
    }
}
