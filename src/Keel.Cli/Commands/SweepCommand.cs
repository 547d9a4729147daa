using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Keel.Cli.Output;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Indicators;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Reporting;
using Keel.Reporting.Json;
using Keel.Reporting.Research;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel sweep --strategy rsi --grid period=7..21:7,oversold=20..35:5</c>: every combination as a
/// backtest, every trial kept; the best by a metric with its deflated Sharpe ratio and the PBO next to it.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var options = new BacktestOptions();
        var search = new GridOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var command = new Command("sweep", "Run a parameter grid; report the best parameters with the deflated Sharpe ratio and the probability of backtest overfitting.") { json, output };
        search.AddTo(command);
        data.AddTo(command);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = OutputFolder.Check(parse.GetValue(output)!);
            var clock = Stopwatch.StartNew();
            var (definition, parameterGrid, metricName) = search.Read(parse);
            var loaded = data.LoadWithWarmUp(parse, Console.Error);
            var settings = options.Settings(parse) with { TradeFrom = loaded.From };
            var series = loaded.Series;
            var quiet = parse.GetValue(json);

            var indicators = IndicatorCache.PerSeries(series);
            SweepResult result = null!;
            if (quiet) result = ParameterSweep.Run(settings, series, parameterGrid, metricName, indicators: indicators);
            else AnsiConsole.Progress().AutoClear(true).Start(progress =>
            {
                var task = progress.AddTask($"{parameterGrid.Count} trials", maxValue: parameterGrid.Count);
                result = ParameterSweep.Run(settings, series, parameterGrid, metricName, onTrialDone: () => task.Increment(1), indicators: indicators);
            });
            var elapsedMs = clock.Elapsed.TotalMilliseconds;

            Directory.CreateDirectory(folder);
            var csv = Path.Combine(folder, $"sweep_{definition.Name}.csv");
            SweepCsv.Write(csv, result, parameterGrid);
            // The best trial again, in full (journal, curve), on the sweep's indicators: the same numbers, and its
            // quiet bars fast-forwarded instead of replayed.
            var best = Backtester.Run(settings, series, [s => result.Best.Spec.Create(indicators[s])]);
            var benchmark = Benchmark.BuyAndHold(settings, series);
            var report = Path.Combine(folder, $"sweep_{definition.Name}.html");
            HtmlReport.Write(report, new HtmlReportModel
            {
                Title = $"Keel sweep: {definition.Name}",
                Settings =
                [
                    new("grid", parse.GetValue(search.Grid)!),
                    new("trials", $"{result.Trials.Count} run ({result.SkippedInvalid} invalid combinations skipped)"),
                    new("best by " + metricName, result.Best.Spec.Text),
                    new("deflated Sharpe ratio", D(result.DeflatedSharpe) + " (probability that the best trial's true Sharpe is above zero, given every trial)"),
                    new("PBO", result.Overfitting is { } o ? D(o.Probability) + $" (CSCV, {o.Partitions} partitions)" : "n/a: " + result.OverfittingNote),
                    new("probability of loss", result.Overfitting is { } l ? D(l.ProbabilityOfLoss) + " (share of CSCV splits whose in-sample best loses out of sample)" : "n/a"),
                    new("symbols", string.Join(", ", series.Select(s => $"{s.Symbol} ({s.Count} {s.Timeframe} bars)"))),
                    new("costs", settings.Broker.ToString()),
                    new("asset classes", loaded.AssetClassSource),
                    new("range", loaded.From is null && loaded.To is null ? "every bar" : DataOptions.Describe(loaded.From, loaded.To) + " (earlier bars only warm indicators up)"),
                    new("benchmark", $"{Benchmark.Describe(series.Count)}: return {SummaryTable.Pct(benchmark.Metrics.TotalReturnPct)}, max drawdown {SummaryTable.Pct(benchmark.Metrics.MaxDrawdownPct)}, Sharpe {D(benchmark.Metrics.Sharpe)}"),
                ],
                Runs = [new ReportRun("best: " + result.Best.Spec.Text, result.Best.Spec.Text, string.Join(",", series.Select(s => s.Symbol)), settings.Broker.ToString(), best.Metrics, best.EquityCurve)],
                Sections = [new ReportSection($"{metricName} over the grid", SweepHeatmapChart.Html(result, parameterGrid, Scorer(metricName)))],
            });

            if (quiet)
                JsonStdout.Write(SweepJson.Of(result, best, benchmark, loaded.AssetClassSource, loaded.From, loaded.To, elapsedMs, StrategySourcesJson.Of([result.Best.Spec])),
                    ReportJson.Default.SweepJson);
            else
            {
                var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Top trials by {Markup.Escape(metricName)}[/] ({result.Trials.Count} trials)");
                foreach (var c in new[] { "parameters", "return", "max DD", "Sharpe", "trades" }) table.AddColumn(c);
                foreach (var t in result.Trials.OrderByDescending(Scorer(metricName)).Take(10))
                    table.AddRow(Markup.Escape(t.Spec.Text), SummaryTable.Pct(t.Metrics.TotalReturnPct), SummaryTable.Pct(t.Metrics.MaxDrawdownPct), SummaryTable.D(t.Metrics.Sharpe), t.ClosedTrades.ToString(CultureInfo.InvariantCulture));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"Best: [bold]{Markup.Escape(result.Best.Spec.Text)}[/]; deflated Sharpe {D(result.DeflatedSharpe)}; PBO {(result.Overfitting is { } pbo ? D(pbo.Probability) : "n/a")}; {elapsedMs / 1000:0.0} s");
                AnsiConsole.MarkupLine($"Benchmark ({Markup.Escape(Benchmark.Describe(series.Count))}): return {SummaryTable.Pct(benchmark.Metrics.TotalReturnPct)}, max DD {SummaryTable.Pct(benchmark.Metrics.MaxDrawdownPct)}, Sharpe {D(benchmark.Metrics.Sharpe)}; asset classes: {Markup.Escape(loaded.AssetClassSource)}");
                foreach (var warning in ResultWarnings.For(best)) AnsiConsole.MarkupLine($"[yellow]warning:[/] best trial: {Markup.Escape(warning)}");
                AnsiConsole.MarkupLine($"CSV: [bold]{Markup.Escape(Path.GetFullPath(csv))}[/]  HTML: [bold]{Markup.Escape(Path.GetFullPath(report))}[/]");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Func<SweepTrial, double> Scorer(string metric)
    {
        var score = ParameterSweep.Score(metric);
        return t => score(t.Metrics);
    }

    private static string D(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
