using System.CommandLine;
using System.Globalization;
using Keel.Alpaca;
using Keel.Cli.Output;
using Keel.Core.Drift;
using Keel.Core.Persistence;
using Keel.Live.Drift;
using Keel.Reporting.Gates;
using Keel.Storage;
using Spectre.Console;
using Keel.Reporting.Json;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel drift</c>: replays the paper (or live) period's bars through the backtester with the same
/// strategies, risk settings and starting equity, and compares orders, prices, fees and equity.
/// </summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var config = ServiceConfigOption.Create();
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd, UTC) of the period; default: the first bar the service processed." };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd, UTC, inclusive); default: the last bar processed." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: matched, missed, extra, mispriced, return_difference_pct, trades." };
        var outDir = new Option<string?>("--out") { Description = "Write drift.html (summary, overlaid equity curves, every order) and drift.json into this folder." };
        var slippage = new Option<string>("--slippage") { Description = "The replay's slippage model: none (default; paper pays the quote's spread), percent:0.05 or per-share:0.01.", DefaultValueFactory = _ => "none" };
        var tolerance = new Option<decimal>("--tolerance") { Description = "A matched order is mispriced when its fill prices differ by more than this percent.", DefaultValueFactory = _ => 0.1m };
        var latest = new Option<bool>("--latest") { Description = "Show the service's latest nightly drift run from the store instead of replaying (no broker needed)." };
        var command = new Command("drift", "Compare the paper period with a backtest replay of the same bars: trades matched/missed/extra, fill prices, fees, equity.")
            { config, from, to, json, outDir, slippage, tolerance, latest };
        command.SetAction(parse => parse.GetValue(latest)
            ? Latest(parse.GetValue(config)!, parse.GetValue(json), parse.GetValue(from) is not null || parse.GetValue(to) is not null || parse.GetValue(outDir) is not null)
            : Run(parse.GetValue(config)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(json), parse.GetValue(outDir), parse.GetValue(slippage)!, parse.GetValue(tolerance)));
        return command;
    }

    /// <summary>One line on the latest nightly run (also in <c>keel status</c>).</summary>
    public static string Describe(DriftRun? run) => run is null
        ? "Drift: no nightly run yet (the service replays the period after each close)."
        : string.Create(CultureInfo.InvariantCulture,
            $"Drift (night of {run.Day}, {run.From:yyyy-MM-dd HH:mm} – {run.To:yyyy-MM-dd HH:mm}): {run.Summary.Matched} matched, {run.Summary.Missed} missed, {run.Summary.Extra} extra, {run.Summary.Mispriced} mispriced; "
            + $"paper {run.Summary.PaperReturnPct:0.000}% vs replay {run.Summary.ReplayReturnPct:0.000}% ({run.Summary.ReturnDifferencePct:+0.000;-0.000;0.000} points): {(run.WithinTolerance ? "within tolerance" : "BEYOND tolerance")}");

    private static int Latest(string configPath, bool asJson, bool replayOptions)
    {
        if (replayOptions) throw new UsageException("--latest shows the stored nightly run; --from, --to and --out are for a replay: use one or the other.");
        var settings = ServiceConfigOption.Load(configPath);
        if (settings.PostgresConnectionString is null && !File.Exists(settings.SqlitePath))
            throw new UsageException($"There is no store at {settings.SqlitePath} yet: run keel paper first.");
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
        var run = store is IDegradationStore runs ? runs.LatestDriftRun() : null;
        if (!asJson)
        {
            Console.WriteLine(Describe(run));
            return ExitCodes.Success;
        }
        // The stored report is keel drift --json's object; the night and when it ran go in front.
        JsonStdout.Write(DriftRunJson.Of(run), ReportJson.Default.DriftRunJson);
        return ExitCodes.Success;
    }

    private static int Run(string configPath, string? fromText, string? toText, bool asJson, string? outDir, string slippage, decimal tolerance)
    {
        var settings = ServiceConfigOption.Load(configPath);
        if (tolerance < 0) throw new UsageException($"--tolerance {tolerance}: must be zero or positive (percent).");
        var from = Day(fromText, "--from");
        var to = Day(toText, "--to")?.AddDays(1).AddTicks(-1);
        if (settings.PostgresConnectionString is null && !File.Exists(settings.SqlitePath))
            throw new UsageException($"There is no store at {settings.SqlitePath} yet: run keel paper first, then keel drift.");
        using var client = new AlpacaClient(ServiceConfigOption.Alpaca(settings));
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
        DriftReport report;
        try
        {
            report = DriftReplay.RunAsync(settings, new AlpacaMarketData(client, settings.Feed), store, from, to, slippage, tolerance).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new UsageException(ex.Message);
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            DriftHtml.Write(Path.Combine(outDir, "drift.html"), report);
            JsonOutput.WriteFile(Path.Combine(outDir, "drift.json"), DriftReportJson.Of(report), ReportJson.Default.DriftReportJson);
        }
        if (asJson) JsonStdout.Write(DriftReportJson.Of(report), ReportJson.Default.DriftReportJson);
        else
        {
            var s = report.Summary;
            AnsiConsole.MarkupLine($"Drift {report.From:yyyy-MM-dd HH:mm} – {report.To:yyyy-MM-dd HH:mm}: [bold]{s.Matched}[/] matched, [bold]{s.Missed}[/] missed, [bold]{s.Extra}[/] extra, [bold]{s.Mispriced}[/] mispriced (> {tolerance}%)");
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Return: paper {s.PaperReturnPct:0.000}%, replay {s.ReplayReturnPct:0.000}%, difference {s.ReturnDifferencePct:0.000} points; daily-return correlation {report.DailyReturnCorrelation:0.000}"));
            AnsiConsole.WriteLine(report.Explanation);
            if (outDir is not null) AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(outDir, "drift.html"))}");
        }
        return ExitCodes.Success;
    }

    private static DateTime? Day(string? text, string option)
    {
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new UsageException($"{option} '{text}': expected a day as yyyy-MM-dd.");
        return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }
}
