using System.CommandLine;
using System.Globalization;
using Keel.Alerts;
using Keel.Core.Kernel;
using Keel.Core.Persistence;
using Keel.Live.Alerts;
using Keel.Reporting.Service;
using Keel.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel report daily|weekly</c>: the service's report for a day or a week from its store, written as HTML
/// and text (under the config's reports folder unless <c>--out</c>); <c>--send</c> queues it for the sinks
/// (e-mail with the HTML, webhooks the summary) once per period, even when run again.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Make the daily or weekly report of the trading service (HTML and text), optionally send it through the sinks.");
        command.Add(Kind("daily", "The report of one trading day: P&L per strategy, trades with reasons, positions, drawdown, alerts."));
        command.Add(Kind("weekly", "The weekly review (Monday to Sunday holding --date)."));
        return command;
    }

    private static Command Kind(string kind, string description)
    {
        var config = ServiceConfigOption.Create();
        var date = new Option<string?>("--date") { Description = "The day (or a day of the week), like 2024-12-16; default: today in the trading day's zone." };
        var outFile = new Option<string?>("--out") { Description = "Write the HTML here (and the text beside it, .txt) instead of the reports folder." };
        var send = new Option<bool>("--send") { Description = "Send it through the config's sinks (once per period)." };
        var command = new Command(kind, description) { config, date, outFile, send };
        command.SetAction(parse => Run(kind, parse.GetValue(config)!, parse.GetValue(date), parse.GetValue(outFile), parse.GetValue(send)));
        return command;
    }

    private static int Run(string kind, string configPath, string? dateText, string? outFile, bool send)
    {
        var settings = ServiceConfigOption.Load(configPath);
        var zone = TradingDayClock.ZoneFor(settings.Symbols);
        DateOnly day;
        if (dateText is null) day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(TimeProvider.System.GetUtcNow().UtcDateTime, zone));
        else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            throw new UsageException($"--date: '{dateText}' is not a date; write a date like 2024-12-16.");
        if (settings.PostgresConnectionString is null && !File.Exists(settings.SqlitePath))
            throw new UsageException($"There is no store at {settings.SqlitePath} yet: keel paper (or live) creates it on its first start.");
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);

        var report = ServiceReport.Build(store, kind, day, zone, Keel.Live.Gates.LiveVersion.Of(settings), settings.Alerts.Degradation);
        var html = ServiceReportText.Html(report);
        var text = ServiceReportText.Plain(report);
        var htmlPath = outFile is not null ? Path.GetFullPath(outFile)
            : Path.Combine(settings.Alerts.ReportsDirectory ?? Path.GetFullPath("reports"), $"{kind}-{report.Period}.html");
        Directory.CreateDirectory(Path.GetDirectoryName(htmlPath)!);
        File.WriteAllText(htmlPath, html);
        File.WriteAllText(Path.ChangeExtension(htmlPath, ".txt"), text);
        Console.Write(text);
        Console.WriteLine($"written: {htmlPath} (and .txt)");
        if (!send) return ExitCodes.Success;

        var center = new AlertCenter(store, settings.Alerts.Sinks, TimeProvider.System, NullLogger.Instance);
        var id = store.RecordReport(kind, report.Period, new NewAlert(TimeProvider.System.GetUtcNow().UtcDateTime, "report-" + kind, AlertSeverity.Info,
            text, Html: html), center.ReportSinks);
        if (id is null)
        {
            Console.WriteLine($"The {kind} report for {report.Period} was already sent; not sending it twice.");
            return ExitCodes.Success;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var sender = new AlertSender(store, settings.Alerts.Sinks.Select(s => s.Create(http)), TimeProvider.System, NullLogger.Instance, $"report-{Environment.ProcessId}");
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        sender.SendDueAsync(bounded.Token).GetAwaiter().GetResult();
        var deliveries = store.Deliveries().Where(d => d.AlertId == id).ToList();
        foreach (var d in deliveries)
            Console.WriteLine($"{d.Sink}: {(d.DeliveredAt is not null ? "delivered" : $"not yet ({d.LastError}); the service or keel watchdog retries")}");
        return ExitCodes.Success;
    }
}
