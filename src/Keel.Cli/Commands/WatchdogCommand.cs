using System.CommandLine;
using Keel.Alerts;
using Keel.Core.Persistence;
using Keel.Live;
using Keel.Live.Alerts;
using Keel.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel watchdog</c>, one-shot, for a systemd timer: a dead process cannot report its own death, so this
/// reads the service's heartbeat and lifecycle from the store; when it is unresponsive (started, silent, no
/// clean stop) it raises one critical alert and sends it, with whatever else the outbox holds, through the
/// sinks itself. When the service runs again the next check resolves it.
/// </summary>
internal static class WatchdogCommand
{
    private const string Condition = "watchdog";

    public static Command Create()
    {
        var config = ServiceConfigOption.Create();
        var command = new Command("watchdog", "Check the service's heartbeat once; alert through the sinks when it is down or stuck (exit 1). Run it from a systemd timer.") { config };
        command.SetAction(parse => Run(parse.GetValue(config)!));
        return command;
    }

    private static int Run(string configPath)
    {
        var settings = ServiceConfigOption.Load(configPath);
        if (settings.PostgresConnectionString is null && !File.Exists(settings.SqlitePath))
            throw new UsageException($"There is no store at {settings.SqlitePath} yet: keel paper (or live) creates it on its first start.");
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
        var time = TimeProvider.System;
        var (state, description) = ServiceHealth.Judge(store.LastServiceEvent(), store.LastHeartbeat(), time.GetUtcNow().UtcDateTime,
            ServiceHealth.Allowed(settings.PollInterval));
        var center = new AlertCenter(store, settings.Alerts.Sinks, time, NullLogger.Instance);
        if (state == ServiceState.Unresponsive)
            center.Raise(AlertKinds.ServiceDown, AlertSeverity.Critical, $"the {settings.Mode.ToString().ToLowerInvariant()} service is down or stuck: {description}", condition: Condition);
        else if (state == ServiceState.Running)
            center.Resolve(Condition, "the service runs again: " + description);
        Console.WriteLine($"service {ServiceHealth.Name(state)}: {description}");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var sender = new AlertSender(store, settings.Alerts.Sinks.Select(s => s.Create(http)), time, NullLogger.Instance, $"watchdog-{Environment.ProcessId}");
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sent = sender.SendDueAsync(bounded.Token).GetAwaiter().GetResult();
        if (sent > 0) Console.WriteLine($"{sent} alert deliveries sent from the outbox.");
        foreach (var failing in store.Deliveries().Where(d => d.DeliveredAt is null && d.LastError is not null).GroupBy(d => d.Sink))
            Console.WriteLine($"sink {failing.Key}: {failing.Count()} undelivered, last error: {failing.Last().LastError}");
        return state == ServiceState.Unresponsive ? ExitCodes.Failure : ExitCodes.Success;
    }
}
