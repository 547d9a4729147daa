using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Keel.Cli.Output;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Reporting;
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

            var indicators = ParameterSweep.IndicatorCaches(series);
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
            WriteCsv(csv, result, parameterGrid);
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

            if (quiet) WriteJson(result, elapsedMs, best, benchmark, loaded);
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

    private static void WriteCsv(string path, SweepResult result, ParameterGrid grid)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(",", grid.Axes.Select(a => a.Name))).Append(",total_return_pct,max_drawdown_pct,sharpe,sortino,calmar,win_rate_pct,trades,daily_sharpe\n");
        foreach (var t in result.Trials)
        {
            var m = t.Metrics;
            csv.Append(string.Join(",", grid.Axes.Select(a => t.Spec.Parameters.Get(a.Name).ToString("R", CultureInfo.InvariantCulture))))
               .Append(CultureInfo.InvariantCulture, $",{m.TotalReturnPct:R},{m.MaxDrawdownPct:R},{m.Sharpe:R},{m.Sortino:R},{m.Calmar:R},{m.WinRatePct:R},{t.ClosedTrades},{t.DailySharpe:R}\n");
        }
        File.WriteAllText(path, csv.ToString());
    }

    private static void WriteJson(SweepResult result, double elapsedMs, BacktestResult best, BacktestResult benchmark, LoadedBars loaded)
    {
        JsonStdout.WriteObject(json =>
        {
            json.WriteNumber("trials", result.Trials.Count);
            json.WriteNumber("skipped_invalid", result.SkippedInvalid);
            json.WriteString("metric", result.Metric);
            json.WriteStartObject("best");
            json.WriteString("strategy", result.Best.Spec.Text);
            json.WriteStartObject("parameters");
            foreach (var (name, value) in result.Best.Spec.Parameters.All) json.WriteNumber(name, value);
            json.WriteEndObject();
            JsonStdout.Number(json, "total_return_pct", result.Best.Metrics.TotalReturnPct);
            JsonStdout.Number(json, "max_drawdown_pct", result.Best.Metrics.MaxDrawdownPct);
            JsonStdout.Number(json, "sharpe", result.Best.Metrics.Sharpe);
            JsonStdout.Number(json, "win_rate", result.Best.Metrics.WinRatePct);
            json.WriteNumber("closed_trades", result.Best.ClosedTrades);
            ResultJson.WriteTally(json, best.OrderTally);
            json.WriteEndObject();
            StrategySourcesJson.Write(json, [result.Best.Spec]);
            json.WriteString("asset_class", AssetClassText.Name(best.AssetClass));
            json.WriteString("asset_class_source", loaded.AssetClassSource);
            JsonStdout.Number(json, "periods_per_year", best.Metrics.PeriodsPerYear);
            if (loaded.From is { } from) json.WriteString("from", from.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            if (loaded.To is { } to) json.WriteString("to", to.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            ResultJson.WriteBenchmark(json, benchmark);
            JsonStdout.Number(json, "deflated_sharpe", result.DeflatedSharpe);
            if (result.Overfitting is { } o) JsonStdout.Number(json, "pbo", o.Probability); else json.WriteNull("pbo");
            if (result.Overfitting is { } l) JsonStdout.Number(json, "probability_of_loss", l.ProbabilityOfLoss); else json.WriteNull("probability_of_loss");
            JsonStdout.Number(json, "elapsed_ms", Math.Round(elapsedMs, 3));
        });
    }


    private static string D(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
