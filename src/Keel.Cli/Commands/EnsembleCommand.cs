using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Keel.Cli.Output;
using Keel.Cli.Strategies;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Symbol = Keel.Core.Domain.Symbol;
using Keel.Core.Ensembles;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Reporting;
using Keel.Reporting.Ensembles;
using Keel.Reporting.Json;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel ensemble compare</c>: each member alone and each voting method, out of sample, with costs (see
/// <see cref="EnsembleComparison"/>); says per symbol whether an ensemble beats the best single member (by Sharpe).
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
        var members = new Option<string>("--members")
        {
            Description = "Member strategies separated by '|'. Give a parameter a range a..b:step to tune it in sample, e.g. sma-crossover:fast=5..20:5,slow=30..90:30|rsi:period=7..21:7|macd.",
            DefaultValueFactory = _ => "sma-crossover|rsi|macd|mean-reversion",
        };
        var inSample = new Option<int?>("--in-sample") { Description = "Bars per in-sample window, on which members with ranges are tuned (default with ranges: the first half of the bars; without: none, fixed parameters over every bar)." };
        var outOfSample = new Option<int?>("--out-of-sample") { Description = "Bars per out-of-sample window (default: all bars after the first in-sample window, one hold-out)." };
        var anchored = new Option<bool>("--anchored") { Description = "In-sample windows all start at the first bar (default: rolling)." };
        var metric = new Option<string>("--metric") { Description = "What 'best' means when tuning a member: sharpe, return, sortino or calmar.", DefaultValueFactory = _ => "sharpe" };
        var methods = new Option<string?>("--methods")
        {
            Description = "Voting methods to compare, separated by ';', each as ensemble options, e.g. \"method=consensus,min=3;method=weighted,threshold=0.6,votes=stances\" (default: consensus, weighted and confidence, each on signals and on stances).",
        };
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout (per symbol: every candidate's out-of-sample metrics and whether each ensemble beats the best member)." };
        var window = new Option<int>("--correlation-window") { Description = "Days in each window of the members' rolling correlation.", DefaultValueFactory = _ => 63 };
        var command = new Command("compare", "Each member alone and each voting method, out of sample with costs: does an ensemble beat the best single member?")
            { members, methods, inSample, outOfSample, anchored, metric, output, json, window };
        data.AddTo(command);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var grids = MemberGrids(parse.GetValue(members)!, UserStrategies.Registry(parse));
            var votingMethods = VotingMethods(parse.GetValue(methods), grids.Count);
            var metricName = parse.GetValue(metric)!;
            if (!ParameterSweep.Metrics.Contains(metricName)) throw new UsageException($"--metric '{metricName}' is unknown; use {string.Join(", ", ParameterSweep.Metrics)}.");
            var correlationWindow = parse.GetValue(window);
            if (correlationWindow < 2) throw new UsageException($"--correlation-window must be at least 2 days, got {correlationWindow}.");
            var folder = OutputFolder.Check(parse.GetValue(output)!);
            var settings = options.Settings(parse, CompareCommand.DefaultCostSlippage, CompareCommand.DefaultCostCommission);
            var loaded = data.LoadWithWarmUp(parse, Console.Error, allStoreSymbolsByDefault: true);
            var series = loaded.Series;
            // Bars before --from are read only so indicators are ready at --from; the windows start there.
            var plans = series.Select(s => (Series: s, WarmUp: loaded.WarmUpBars(s), Windows: Windows(s, loaded.WarmUpBars(s), grids, parse.GetValue(inSample), parse.GetValue(outOfSample), parse.GetValue(anchored)))).ToList();

            var clock = Stopwatch.StartNew();
            var quiet = parse.GetValue(json);
            var results = new List<EnsembleComparisonResult>();
            if (quiet) results.AddRange(plans.Select(p => EnsembleComparison.Run(settings, p.Series, grids, votingMethods, p.Windows, metricName, warmUp: p.WarmUp)));
            else AnsiConsole.Progress().AutoClear(true).Start(progress =>
            {
                var task = progress.AddTask("out-of-sample runs", maxValue: plans.Sum(p => p.Windows.Count * (grids.Count + votingMethods.Count)));
                foreach (var (s, warmUp, windows) in plans)
                    results.Add(EnsembleComparison.Run(settings, s, grids, votingMethods, windows, metricName, () => task.Increment(1), warmUp));
            });
            var elapsedMs = clock.Elapsed.TotalMilliseconds;
            // Buy and hold of each symbol over the same out-of-sample bars (the earlier ones only warm up), same costs.
            var benchmarks = plans.Select(p => Benchmark.BuyAndHold(settings with { TradeFrom = p.Series[p.Windows[0].OosStart].Timestamp },
                [new BarSeries(p.Series.Symbol, p.Series.Timeframe, p.Series.Span[..p.Windows[^1].OosEnd].ToArray())])).ToList();
            var warmUpBars = plans.Sum(p => p.WarmUp);
            // Console output goes nowhere with --json: stdout is the one JSON object.
            var console = quiet ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }) : AnsiConsole.Console;

            Directory.CreateDirectory(folder);
            var tuned = grids.Any(g => g.Count > 1);
            var period = tuned
                ? "out of sample: members tuned on each in-sample window, every candidate traded on the window after it, windows stitched"
                : plans.All(p => p.Windows[0].IsLength == 0)
                    ? "every bar, fixed parameters (out of sample only if they were not fitted to this data)"
                    : "the out-of-sample windows only, fixed parameters";
            var tallies = CandidateTally.Of(results);
            console.Write(ResultTable(results, benchmarks));
            console.MarkupLine(Markup.Escape($"Benchmark: {Benchmark.Describe(1)}, per symbol, over the same out-of-sample bars."));
            if (loaded.From is not null) console.MarkupLine(Markup.Escape($"Range {DataOptions.Describe(loaded.From, loaded.To)}: {warmUpBars} bars before --from read only to warm indicators up."));
            if (results.Count > 1) console.Write(TallyTable(tallies, results.Count));
            console.MarkupLine(Markup.Escape($"Period: {period}."));
            if (tuned) console.Write(WindowTable(results, grids));
            var correlations = new System.Text.StringBuilder();
            var pairRows = new List<PairCorrelation>();
            foreach (var r in results)
            {
                // Members' own daily returns when run alone: how much they really differ, over the whole period
                // and window by window.
                var alone = r.Members.ToList();
                var daily = alone.Select(m => m.DailyReturns.ToArray()).ToList();
                var matrix = Correlation.Matrix(daily);
                var pairs = new List<PairCorrelation>();
                for (var a = 0; a < alone.Count; a++)
                    for (var b = a + 1; b < alone.Count; b++)
                        pairs.Add(new PairCorrelation(r.Symbol, alone[a].Name, alone[b].Name, matrix[a, b], RollingCorrelation.Summarize(daily[a], daily[b], correlationWindow)));
                pairRows.AddRange(pairs);
                correlations.Append(EnsembleReportHtml.Correlation(r.Symbol, alone.Select(m => m.Name).ToList(), matrix)).Append(EnsembleReportHtml.Rolling(pairs, correlationWindow));
                var full = pairs.Select(p => p.FullPeriod).Where(double.IsFinite).ToList();
                var rolling = pairs.Where(p => p.Rolling.Defined > 0).ToList();
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Symbol}: mean correlation of the members' daily returns {(full.Count > 0 ? full.Average() : double.NaN):0.00}; over {correlationWindow}-day windows: ") +
                    (rolling.Count == 0 ? "n/a (too few days)" : string.Create(CultureInfo.InvariantCulture,
                    $"mean {rolling.Average(p => p.Rolling.Mean):0.00}, min {rolling.Min(p => p.Rolling.Min):0.00}, max {rolling.Max(p => p.Rolling.Max):0.00}"))));
            }
            EnsembleCsv.WriteCorrelations(Path.Combine(folder, "ensemble_correlation.csv"), pairRows);
            EnsembleCsv.WriteWindows(Path.Combine(folder, "ensemble_windows.csv"), results);
            ResultCsvWriter.WriteSummary(Path.Combine(folder, "ensemble_comparison.csv"),
                results.SelectMany((r, i) => r.Candidates.Select(c => new SummaryRow(c.Name, r.Symbol.Ticker, "out of sample, with costs", c.OutOfSample))
                    .Append(new SummaryRow(BenchmarkName, r.Symbol.Ticker, "out of sample, with costs", benchmarks[i].Metrics))).ToList());
            var report = Path.Combine(folder, "ensemble_report.html");
            HtmlReport.Write(report, new HtmlReportModel
            {
                Title = "Keel ensembles vs their members",
                Settings =
                [
                    new("members", string.Join(" | ", grids.Select(g => g.Count == 1 ? g.Specs[0].Text : $"{g.Definition.Name} tuned over {g.Count} combinations"))),
                    new("symbols", string.Join(", ", series.Select(x => $"{x.Symbol} ({x.Count} {x.Timeframe} bars from {x[0].Timestamp:yyyy-MM-dd})"))),
                    new("period", period),
                    new("windows", string.Join("; ", plans.Select(p => $"{p.Series.Symbol}: {WindowText(p.Windows)}"))),
                    new("costs", settings.Broker.ToString()),
                    new("range", loaded.From is null && loaded.To is null ? "every bar" : DataOptions.Describe(loaded.From, loaded.To) + $" ({warmUpBars} earlier bars only warmed indicators up)"),
                    new("benchmark", Benchmark.Describe(1) + ", per symbol, over the same out-of-sample bars"),
                    new("verdict rule", "an ensemble beats the members when its post-cost, out-of-sample Sharpe is above the best single member's on the same symbol and period (the best member is picked after the fact); with in-sample windows it is also set against the member chosen in sample, window by window, by the tuning metric: the single strategy a trader would have picked without hindsight"),
                ],
                Runs = results.SelectMany((r, i) => r.Candidates.Select(c => new ReportRun($"{c.Name} {r.Symbol}", c.Name, r.Symbol.Ticker, "out of sample, with costs", c.OutOfSample, c.Curve))
                    .Append(new ReportRun($"buy & hold {r.Symbol}", BenchmarkName, r.Symbol.Ticker, "out of sample, with costs", benchmarks[i].Metrics, benchmarks[i].EquityCurve))).ToList(),
                Sections =
                [
                    new ReportSection("Does the ensemble beat the best single member?", EnsembleReportHtml.Verdicts(results)),
                    .. results.Count > 1 ? [new ReportSection($"Across the {results.Count} symbols", EnsembleReportHtml.Tally(tallies))] : Array.Empty<ReportSection>(),
                    .. tuned ? [new ReportSection("Member parameters chosen in sample, window by window", EnsembleReportHtml.Windows(results))] : Array.Empty<ReportSection>(),
                    new ReportSection($"Correlation of the members' daily returns (each run alone, with costs): whole period and {correlationWindow}-day rolling", correlations.ToString()),
                ],
            });
            console.MarkupLine($"CSV: [bold]{Markup.Escape(Path.GetFullPath(Path.Combine(folder, "ensemble_comparison.csv")))}[/]  correlations: [bold]{Markup.Escape(Path.GetFullPath(Path.Combine(folder, "ensemble_correlation.csv")))}[/]");
            console.MarkupLine($"HTML report: [bold]{Markup.Escape(Path.GetFullPath(report))}[/]");
            if (quiet)
                JsonStdout.Write(EnsembleComparisonJson.Of(results, benchmarks, tallies, period, loaded.From, loaded.To, warmUpBars, elapsedMs),
                    ReportJson.Default.EnsembleComparisonJson);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The voting methods given, or each method twice by default: on this bar's signals, then on the
    /// members' stances (their held positions).
    /// </summary>
    private static List<EnsembleOptions> VotingMethods(string? text, int memberCount)
    {
        if (text is null)
        {
            return (from votes in new[] { VoteSource.Signals, VoteSource.Stances }
                    from method in new[] { VotingMethod.Consensus, VotingMethod.PerformanceWeighted, VotingMethod.ConfidenceScored }
                    select new EnsembleOptions { Method = method, Votes = votes }).ToList();
        }
        var methods = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(EnsembleOptions.Parse).ToList();
        if (methods.Count == 0) throw new UsageException("--methods is empty; give at least one, e.g. method=consensus,min=2.");
        foreach (var m in methods)
            if (m.Check(memberCount) is { } error) throw new UsageException($"--methods '{m.ToText()}': {error}.");
        return methods;
    }

    /// <summary>Each member as a grid: fixed values make a grid of one, ranges a..b:step are tuned in sample.</summary>
    private static List<ParameterGrid> MemberGrids(string text, StrategyRegistry registry)
    {
        var grids = text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(member =>
        {
            var colon = member.IndexOf(':');
            var definition = registry.Find(colon < 0 ? member : member[..colon]);
            return ParameterGrid.Parse(colon < 0 ? "" : member[(colon + 1)..], definition);
        }).ToList();
        if (grids.Count < 2) throw new UsageException("--members needs at least two strategies separated by '|'.");
        return grids;
    }

    /// <summary>The benchmark's name in the CSV and the report.</summary>
    private const string BenchmarkName = "buy-and-hold (benchmark)";

    /// <summary>The windows over the bars from --from on, placed after the <paramref name="warmUp"/> bars before it.</summary>
    private static IReadOnlyList<WalkForwardWindow> Windows(BarSeries series, int warmUp, IReadOnlyList<ParameterGrid> grids, int? inSample, int? outOfSample, bool anchored) =>
        Windows(series.Symbol, series.Count - warmUp, grids, inSample, outOfSample, anchored).Select(w => w.After(warmUp)).ToList();

    private static IReadOnlyList<WalkForwardWindow> Windows(Symbol symbol, int count, IReadOnlyList<ParameterGrid> grids, int? inSample, int? outOfSample, bool anchored)
    {
        if (inSample is null && outOfSample is not null) throw new UsageException("--out-of-sample needs --in-sample.");
        if (inSample is null && !grids.Any(g => g.Count > 1)) return EnsembleComparison.WholePeriod(count);
        var isBars = inSample ?? count / 2;
        if (isBars < 2) throw new UsageException($"--in-sample must be at least 2 bars, got {isBars}.");
        var oosBars = outOfSample ?? count - isBars;
        if (oosBars < 1) throw new UsageException($"{symbol} has {count} bars: none left out of sample after {isBars} in-sample bars.");
        try
        {
            return WalkForwardWindows.Create(count, isBars, oosBars, anchored);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{symbol}: {e.Message}");
        }
    }

    private static string WindowText(IReadOnlyList<WalkForwardWindow> windows) =>
        windows[0].IsLength == 0 ? "one window, every bar"
            : $"{windows.Count} × (in-sample {windows[0].IsLength} bars, out-of-sample {windows[0].OosLength} bars)";

    private static Table ResultTable(IReadOnlyList<EnsembleComparisonResult> results, IReadOnlyList<BacktestResult> benchmarks)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Ensembles vs members (out of sample, with costs)[/]");
        var choosing = results.Any(r => r.InSampleChoice is not null);
        foreach (var c in new[] { "symbol", "strategy", "return", "max DD", "Sharpe", "win rate", "trades", "beats best single?" }.Concat(choosing ? ["beats in-sample choice?"] : []))
            table.AddColumn(c is "symbol" or "strategy" or "beats best single?" or "beats in-sample choice?" ? new TableColumn(c) : new TableColumn(c).RightAligned());
        foreach (var (r, index) in results.Select((r, index) => (r, index)))
        {
            foreach (var c in r.Candidates)
            {
                var m = c.OutOfSample;
                var verdict = c.Kind == CandidateKind.Member ? (EnsembleComparisonResult.TooFewTrades(c) ? "[yellow]too few trades[/]" : "")
                    : EnsembleComparisonResult.TooFewTrades(c) ? "[yellow]no: too few trades[/]"
                    : r.Beats(c) ? "[green]yes[/]" : $"no (best: {Markup.Escape(r.BestMember.Name)})";
                string[] row = [Markup.Escape(r.Symbol.Ticker), Markup.Escape(c.Name), SummaryTable.Pct(m.TotalReturnPct), SummaryTable.Pct(m.MaxDrawdownPct),
                    SummaryTable.D(m.Sharpe), SummaryTable.Pct(m.WinRatePct), m.Trades.ToString(CultureInfo.InvariantCulture), verdict];
                table.AddRow(choosing ? [.. row, YesNo(c.IsEnsemble ? r.BeatsInSampleChoice(c) : null)] : row);
            }
            var b = benchmarks[index].Metrics;
            string[] benchmarkRow = [Markup.Escape(r.Symbol.Ticker), "[grey]buy & hold (benchmark)[/]", SummaryTable.Pct(b.TotalReturnPct), SummaryTable.Pct(b.MaxDrawdownPct),
                SummaryTable.D(b.Sharpe), SummaryTable.Pct(b.WinRatePct), b.Trades.ToString(CultureInfo.InvariantCulture), ""];
            table.AddRow(choosing ? [.. benchmarkRow, ""] : benchmarkRow);
        }
        return table;
    }

    /// <summary>Each candidate over all symbols: a verdict on one symbol can be luck.</summary>
    private static Table TallyTable(IEnumerable<CandidateTally> tallies, int symbols)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Across the {symbols} symbols[/]");
        foreach (var c in new[] { "strategy", "mean Sharpe", "verdicts" })
            table.AddColumn(c == "mean Sharpe" ? new TableColumn(c).RightAligned() : new TableColumn(c));
        foreach (var t in tallies)
            table.AddRow(Markup.Escape(t.Name), SummaryTable.D(t.MeanSharpe), Markup.Escape(EnsembleText.Tally(t)));
        return table;
    }

    private static string YesNo(bool? verdict) => verdict switch { true => "[green]yes[/]", false => "no", null => "" };

    /// <summary>The tuned members' parameters window by window (the fixed ones never change).</summary>
    private static Table WindowTable(IEnumerable<EnsembleComparisonResult> results, IReadOnlyList<ParameterGrid> grids)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Tuned members as chosen in sample[/]");
        foreach (var c in new[] { "symbol", "out of sample", "members (deflated Sharpe, PBO of the in-sample sweep)", "in-sample choice" }) table.AddColumn(c);
        foreach (var r in results)
            foreach (var s in r.Steps)
                table.AddRow(Markup.Escape(r.Symbol.Ticker), $"{s.OosFrom:yyyy-MM-dd} → {s.OosTo:yyyy-MM-dd}",
                    Markup.Escape(string.Join(" | ", s.Members.Select((m, i) => (m, t: s.Tuning[i])).Where(x => x.t is not null).Select(x => $"{x.m.Text} ({EnsembleText.Trust(x.t!)})"))),
                    Markup.Escape(s.InSampleChoice is { } pick ? s.Members[pick].Text : ""));
        return table;
    }
}
