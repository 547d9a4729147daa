using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Keel.Cli.Output;
using Keel.Core.Backtest;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Reporting;
using Keel.Reporting.Json;
using Keel.Reporting.Research;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel walkforward</c>: optimise on each in-sample window, trade the chosen parameters on the next
/// out-of-sample window, stitch the out-of-sample results, report in- vs out-of-sample per window and overall.
/// </summary>
internal static class WalkForwardCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var options = new BacktestOptions();
        var search = new GridOptions();
        var inSample = new Option<int>("--in-sample") { Description = "Bars per in-sample (optimisation) window.", DefaultValueFactory = _ => 504 };
        var outOfSample = new Option<int>("--out-of-sample") { Description = "Bars per out-of-sample (test) window.", DefaultValueFactory = _ => 126 };
        var anchored = new Option<bool>("--anchored") { Description = "In-sample windows all start at the first bar (default: rolling)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var command = new Command("walkforward", "Walk-forward analysis: optimise in sample, test out of sample, window after window.") { inSample, outOfSample, anchored, json, output };
        search.AddTo(command);
        data.AddTo(command);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = OutputFolder.Check(parse.GetValue(output)!);
            var clock = Stopwatch.StartNew();
            var (definition, parameterGrid, metricName) = search.Read(parse);
            var settings = options.Settings(parse);
            var loaded = data.LoadWithWarmUp(parse, Console.Error);
            var series = loaded.Series;
            if (series.Count != 1) throw new UsageException("keel walkforward runs on one series; give one --data file or one --symbol.");
            if (parse.GetValue(inSample) < 2 || parse.GetValue(outOfSample) < 1) throw new UsageException("--in-sample must be at least 2 bars and --out-of-sample at least 1.");
            // Bars before --from are read only so the first window's indicators are ready at --from.
            var warmUp = loaded.WarmUpBars(series[0]);
            var result = WalkForward.Run(settings, series[0], parameterGrid, parse.GetValue(inSample), parse.GetValue(outOfSample), parse.GetValue(anchored), metricName, warmUp: warmUp);
            var elapsedMs = clock.Elapsed.TotalMilliseconds;
            // Buy and hold over the same out-of-sample bars (the earlier ones only warm up), same costs.
            var benchmark = Benchmark.BuyAndHold(settings with { TradeFrom = result.Steps.Count > 0 ? result.Steps[0].OosFrom : null }, series);

            Directory.CreateDirectory(folder);
            var csvPath = Path.Combine(folder, $"walkforward_{definition.Name}.csv");
            WalkForwardCsv.Write(csvPath, result);
            var report = Path.Combine(folder, $"walkforward_{definition.Name}.html");
            HtmlReport.Write(report, new HtmlReportModel
            {
                Title = $"Keel walk-forward: {definition.Name} on {series[0].Symbol}",
                Settings =
                [
                    new("grid", parse.GetValue(search.Grid)!),
                    new("windows", $"{result.Steps.Count} × (in-sample {parse.GetValue(inSample)} bars, out-of-sample {parse.GetValue(outOfSample)} bars, {(parse.GetValue(anchored) ? "anchored" : "rolling")})"),
                    new("chosen by", metricName + " in sample"),
                    new("walk-forward efficiency", SummaryTable.D(result.Efficiency)),
                    new("costs", settings.Broker.ToString()),
                    new("range", loaded.From is null && loaded.To is null ? "every bar" : DataOptions.Describe(loaded.From, loaded.To) + $" ({warmUp} earlier bars only warmed indicators up)"),
                    new("benchmark", $"{Benchmark.Describe(1)}, over the out-of-sample bars: return {SummaryTable.Pct(benchmark.Metrics.TotalReturnPct)}, max drawdown {SummaryTable.Pct(benchmark.Metrics.MaxDrawdownPct)}, Sharpe {SummaryTable.D(benchmark.Metrics.Sharpe)}"),
                ],
                Runs = [new ReportRun("out of sample, stitched", definition.Name, series[0].Symbol.Ticker, settings.Broker.ToString(), result.OutOfSample, result.OutOfSampleCurve)],
            });

            if (parse.GetValue(json))
                JsonStdout.Write(WalkForwardJson.Of(result, benchmark, loaded.From, loaded.To, warmUp, elapsedMs,
                    StrategySourcesJson.Of(result.Steps.Select(s => s.Chosen).DistinctBy(s => s.Definition.Name))), ReportJson.Default.WalkForwardJson);
            else
            {
                var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Walk-forward[/] {Markup.Escape(definition.Name)} on {Markup.Escape(series[0].Symbol.Ticker)}");
                foreach (var c in new[] { "#", "out of sample", "chosen in sample", "DSR", "PBO", "IS return", "IS Sharpe", "OOS return", "OOS Sharpe", "OOS trades" }) table.AddColumn(c);
                foreach (var (s, i) in result.Steps.Select((s, i) => (s, i)))
                    table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), $"{s.OosFrom:yyyy-MM-dd} → {s.OosTo:yyyy-MM-dd}", Markup.Escape(s.Chosen.Text),
                        SummaryTable.D(s.Tuning.DeflatedSharpe), s.Tuning.Pbo is { } pbo ? SummaryTable.D(pbo) : "n/a", SummaryTable.Pct(s.InSample.TotalReturnPct), SummaryTable.D(s.InSample.Sharpe), SummaryTable.Pct(s.OutOfSample.TotalReturnPct),
                        SummaryTable.D(s.OutOfSample.Sharpe), s.OutOfSample.Trades.ToString(CultureInfo.InvariantCulture));
                AnsiConsole.Write(table);
                var m = result.OutOfSample;
                AnsiConsole.MarkupLine($"Out of sample, stitched: return {SummaryTable.Pct(m.TotalReturnPct)}, max DD {SummaryTable.Pct(m.MaxDrawdownPct)}, Sharpe {SummaryTable.D(m.Sharpe)}, {m.Trades} trades; walk-forward efficiency {SummaryTable.D(result.Efficiency)}");
                if (loaded.From is not null) AnsiConsole.MarkupLine($"Range {Markup.Escape(DataOptions.Describe(loaded.From, loaded.To))}: {warmUp} bars before --from read only to warm indicators up");
                AnsiConsole.MarkupLine($"Benchmark, buy and hold over the same out-of-sample bars: return {SummaryTable.Pct(benchmark.Metrics.TotalReturnPct)}, max DD {SummaryTable.Pct(benchmark.Metrics.MaxDrawdownPct)}, Sharpe {SummaryTable.D(benchmark.Metrics.Sharpe)}");
                if (ResultWarnings.TooFewTrades(m.Trades)) AnsiConsole.MarkupLine($"[yellow]warning:[/] only {m.Trades} closed trades out of sample: too few to judge the strategy by");
                AnsiConsole.MarkupLine($"CSV: [bold]{Markup.Escape(Path.GetFullPath(csvPath))}[/]  HTML: [bold]{Markup.Escape(Path.GetFullPath(report))}[/]");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
