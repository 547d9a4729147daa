using System.CommandLine;
using System.Diagnostics;
using Keel.Cli.Output;
using Keel.Cli.Strategies;
using Keel.Core.Backtest;
using Keel.Core.Strategies;
using Keel.Strategies;
using Keel.Reporting;
using Keel.Reporting.Json;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel backtest</c>: one or more strategies over one or more series, with costs, sizing and risk, beside buy and hold.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var options = new BacktestOptions();
        var strategy = new Option<string>("--strategy") { Description = "Strategy with parameters, e.g. sma-crossover:fast=10,slow=30 (several separated by ';').", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout instead of the table." };
        var output = new Option<string?>("--out") { Description = "Folder for trades.csv, orders.csv (every order event with its reason), equity.csv, summary.csv, prices.csv (the bars traded on), equity.png and report.html." };
        var command = new Command("backtest", "Run a backtest and print its statistics beside buy and hold of the same bars.") { strategy, json, output };
        data.AddTo(command);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output) is { } o ? OutputFolder.Check(o) : null;
            var specs = StrategyText.ParseList(parse.GetValue(strategy)!, UserStrategies.Registry(parse));
            var clock = Stopwatch.StartNew();
            var loaded = data.LoadWithWarmUp(parse, Console.Error);
            // The trade list, journal and equity curve feed only the files; the statistics are folded as the run goes.
            var keep = folder is not null;
            var settings = options.Settings(parse) with { TradeFrom = loaded.From, KeepTrades = keep, KeepJournal = keep, KeepEquityCurve = keep };
            var loadMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            // The benchmark shares nothing with the run but the bars: it runs on another core meanwhile.
            var benchmark = Task.Run(() => Benchmark.BuyAndHold(settings, loaded.Series));
            var result = Backtester.Run(settings, loaded.Series, specs);
            var elapsedMs = clock.Elapsed.TotalMilliseconds;
            var context = new RunContext(loaded, benchmark.GetAwaiter().GetResult());

            if (folder is not null) WriteFiles(folder, result, context, specs);
            if (parse.GetValue(json))
                JsonStdout.Write(BacktestJson.Of(result, context.Benchmark, loaded.AssetClassSource, loaded.From, loaded.To, elapsedMs, loadMs,
                    StrategySourcesJson.Of(specs)), ReportJson.Default.BacktestJson);
            else
            {
                SummaryTable.Write(AnsiConsole.Console, result, elapsedMs, loadMs, context);
                if (folder is not null) AnsiConsole.MarkupLine($"Files written to [bold]{Markup.Escape(Path.GetFullPath(folder))}[/] (report: report.html)");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteFiles(string folder, BacktestResult result, RunContext context, IReadOnlyList<IStrategySpec> specs)
    {
        Directory.CreateDirectory(folder);
        ResultCsvWriter.WriteTrades(Path.Combine(folder, "trades.csv"), result.Trades);
        OrderJournalCsv.Write(Path.Combine(folder, "orders.csv"), result.OrderEvents);
        ResultCsvWriter.WriteEquityCurve(Path.Combine(folder, "equity.csv"), result.EquityCurve, result.Settings.StartingCash);
        PriceCsv.Write(Path.Combine(folder, PriceCsv.FileName), context.Data.Series, result.Settings.TradeFrom);
        ResultCsvWriter.WriteSummary(Path.Combine(folder, "summary.csv"),
            [new SummaryRow(string.Join(";", result.Strategies), string.Join(",", result.Symbols), result.Settings.Broker.ToString(), result.Metrics)
            {
                CodeSha256 = string.Join(";", specs.Select(s => StrategyCode.Of(s).Sha256)),
            }]);
        EquityChart.SavePng(Path.Combine(folder, "equity.png"), $"{string.Join("; ", result.Strategies)} on {string.Join(",", result.Symbols)}",
            result.EquityCurve, result.Settings.StartingCash);
        BacktestReport.Write(Path.Combine(folder, "report.html"), ReportSettings.Model(result, context));
    }
}
