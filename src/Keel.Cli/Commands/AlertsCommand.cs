using System.CommandLine;
using System.Globalization;
using Keel.Alerts;
using Keel.Cli.Output;
using Keel.Core.Persistence;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Keel.Storage;
using Spectre.Console;
using Keel.Reporting.Json;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel alerts</c>: the open alerts (or all with <c>--all</c>) and how their delivery went;
/// <c>keel alerts ack ID</c> acknowledges one; <c>keel alerts test</c> sends a test alert through every sink.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var config = ServiceConfigOption.Create();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var all = new Option<bool>("--all") { Description = "Every alert, resolved and acknowledged ones too." };
        var command = new Command("alerts", "List open alerts (and their deliveries); ack one; send a test alert through every sink.") { config, json, all };
        command.SetAction(parse => List(parse.GetValue(config)!, parse.GetValue(json), parse.GetValue(all)));
        command.Add(Ack());
        command.Add(Test());
        return command;
    }

    private static Command Ack()
    {
        var config = ServiceConfigOption.Create();
        var id = new Argument<long>("id") { Description = "The alert's number, as keel alerts lists it." };
        var command = new Command("ack", "Acknowledge an alert: it leaves the open list (its condition still raises nothing new until it clears).") { config, id };
        command.SetAction(parse =>
        {
            var (settings, store) = OpenStore(parse.GetValue(config)!);
            using (store)
            {
                var number = parse.GetValue(id);
                if (store.FindAlert(number) is null) throw new UsageException($"There is no alert {number} in {settings.StoreDescription}; keel alerts --all lists them.");
                Console.WriteLine(store.AckAlert(number, TimeProvider.System.GetUtcNow().UtcDateTime)
                    ? $"Alert {number} acknowledged." : $"Alert {number} was already acknowledged.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Test()
    {
        var config = ServiceConfigOption.Create();
        var command = new Command("test", "Send one test alert through every sink of the config; prints delivered or the error per sink; exit 0 only if all delivered.") { config };
        command.SetAction(parse =>
        {
            var settings = ServiceConfigOption.Load(parse.GetValue(config)!);
            if (settings.Alerts.Sinks.Count == 0) throw new UsageException($"{parse.GetValue(config)} has no alert sinks: add \"alerts\": {{ \"sinks\": [...] }} (see the README).");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var alert = new AlertRecord(0, now, AlertKinds.Test, AlertSeverity.Critical,
                "test alert from keel alerts test: if you read this, this sink works", null, null, null, null, null, null);
            var failed = 0;
            foreach (var definition in settings.Alerts.Sinks)
            {
                var sink = definition.Create(http);
                try
                {
                    sink.Sink.SendAsync(alert, CancellationToken.None).GetAwaiter().GetResult();
                    Console.WriteLine($"{definition.Name} ({definition.Type}): delivered");
                }
                catch (AlertDeliveryException ex)
                {
                    failed++;
                    Console.WriteLine($"{definition.Name} ({definition.Type}): FAILED: {ex.Message}");
                }
            }
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static int List(string configPath, bool asJson, bool all)
    {
        var (_, store) = OpenStore(configPath);
        using (store)
        {
            var alerts = all ? store.AllAlerts() : store.OpenAlerts();
            var deliveries = store.Deliveries().ToLookup(d => d.AlertId);
            if (asJson)
            {
                JsonStdout.Write(AlertsJson.Of(alerts, deliveries), ReportJson.Default.AlertsJson);
                return ExitCodes.Success;
            }
            if (alerts.Count == 0)
            {
                Console.WriteLine(all ? "No alerts recorded." : "No open alerts.");
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("id", "time (UTC)", "severity", "kind", "where", "message", "state", "delivered");
            foreach (var a in alerts)
            {
                var sent = deliveries[a.Id].ToList();
                table.AddRow(a.Id.ToString(CultureInfo.InvariantCulture), a.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    AlertSeverities.Name(a.Severity), Markup.Escape(a.Kind), Markup.Escape(string.Join(' ', new[] { a.Strategy, a.Symbol }.Where(s => s is not null))),
                    Markup.Escape(a.Message), AlertJson.StateOf(a), sent.Count == 0 ? "-" : $"{sent.Count(d => d.DeliveredAt is not null)}/{sent.Count}");
            }
            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }
    }

    private static (LiveSettings, ITradingStore) OpenStore(string configPath)
    {
        var settings = ServiceConfigOption.Load(configPath);
        if (settings.PostgresConnectionString is null && !File.Exists(settings.SqlitePath))
            throw new UsageException($"There is no store at {settings.SqlitePath} yet: keel paper (or live) creates it on its first start.");
        return (settings, TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString));
    }
}
