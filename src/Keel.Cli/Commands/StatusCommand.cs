using System.CommandLine;
using System.Globalization;
using Keel.Alpaca;
using Keel.Alpaca.Models;
using Keel.Cli.Output;
using Keel.Core.Persistence;
using Keel.Live;
using Keel.Live.Config;
using Keel.Reporting.Json;
using Keel.Storage;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel status</c>: what the service is doing, from its store (and the broker when reachable): mode,
/// halted or not, account equity, positions per strategy and symbol, open orders, today's P&amp;L and the
/// daily loss limit's headroom.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var config = ServiceConfigOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var command = new Command("status", "Show the trading service's state: mode, halt, equity, positions, open orders, today's P&L.") { config, json };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(json)));
        return command;
    }

    private sealed record BrokerView(AlpacaAccount Account, IReadOnlyList<AlpacaPosition> Positions);

    private static int Run(string configPath, bool asJson)
    {
        var settings = ServiceConfigOption.Load(configPath);
        if (settings.PostgresConnectionString is null && !File.Exists(settings.SqlitePath))
            throw new UsageException($"There is no store at {settings.SqlitePath} yet: keel paper (or live) creates it on its first start.");
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
        var (broker, brokerError) = ReadBroker(settings);
        var halt = store.Halt();
        var heartbeat = store.LastHeartbeat();
        var positions = store.Positions().Where(p => p.Quantity != 0).ToList();
        var orders = store.OpenOrders();
        var today = store.DailyPnls().LastOrDefault();
        var equity = broker?.Account.Equity ?? store.LatestEquity()?.Equity;
        var limit = settings.Risk.DailyLossLimitPercent;
        decimal? floor = today is not null && limit is { } l ? today.StartEquity * (1 - l / 100m) : null;
        decimal? headroom = floor is { } f && equity is { } e ? e - f : null;
        var alerts = store.Alerts().TakeLast(5).ToList();
        // Stopped (a clean stop is recorded), running (a recent heartbeat) or unresponsive (neither).
        var (state, stateText) = ServiceHealth.Judge(store.LastServiceEvent(), heartbeat, TimeProvider.System.GetUtcNow().UtcDateTime, ServiceHealth.Allowed(settings.PollInterval));
        var running = state == ServiceState.Running;
        var failingSinks = store.Deliveries().Where(d => d.DeliveredAt is null && d.Attempts > 0).GroupBy(d => d.Sink)
            .Select(g => (Sink: g.Key, Undelivered: g.Count(), LastError: g.OrderBy(d => d.NextAttempt).Last().LastError ?? "")).ToList();

        if (asJson)
        {
            JsonStdout.Write(new StatusJson
            {
                Mode = settings.Mode.ToString().ToLowerInvariant(),
                Store = settings.StoreDescription,
                Halted = halt.Halted,
                HaltReason = halt.Halted ? halt.Reason : null,
                LastCycle = LastCycleJson.Of(heartbeat),
                ServiceRunning = running,
                ServiceState = ServiceHealth.Name(state),
                ServiceDetail = stateText,
                FailingSinks = failingSinks.Select(f => new FailingSinkJson(f.Sink, f.Undelivered, f.LastError)).ToList(),
                BrokerReachable = broker is not null,
                BrokerError = brokerError,
                Equity = equity,
                Cash = broker?.Account.Cash ?? store.LatestEquity()?.Cash,
                Positions = positions.Select(StatusPositionJson.Of).ToList(),
                OpenOrders = orders.Select(StatusOrderJson.Of).ToList(),
                Today = TodayJson.Of(today),
                DailyLossLimit = new DailyLossLimitJson(limit, floor, headroom, today is not null && store.TradingDay(today.Day)?.Halted == true),
                RecentAlerts = alerts.Select(RecentAlertJson.Of).ToList(),
                Capital = StatusGates.Capital(store),
                Gate = StatusGates.Gate(store, settings),
                Drift = StatusGates.Drift(store),
            }, ReportJson.Default.StatusJson);
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLine($"[bold]{settings.Mode.ToString().ToUpperInvariant()}[/] · store {Markup.Escape(settings.StoreDescription)} · "
            + (halt.Halted ? $"[red]HALTED[/] ({Markup.Escape(halt.Reason ?? "")})" : "[green]not halted[/]"));
        AnsiConsole.MarkupLine((state switch
        {
            ServiceState.Running => "[green]service running[/]",
            ServiceState.Stopped => "[yellow]service stopped[/]",
            ServiceState.Unresponsive => "[red]service unresponsive[/]",
            _ => "[yellow]service never started[/]",
        }) + ": " + Markup.Escape(stateText));
        foreach (var sinkFailure in failingSinks)
            AnsiConsole.MarkupLine($"[red]alert sink {Markup.Escape(sinkFailure.Sink)} failing[/]: {sinkFailure.Undelivered} undelivered, last error: {Markup.Escape(sinkFailure.LastError)}");
        AnsiConsole.MarkupLine(broker is null ? $"Broker: [yellow]unreachable[/] ({Markup.Escape(brokerError ?? "")})" : $"Equity {broker.Account.Equity:N2} · cash {broker.Account.Cash:N2}");
        if (today is not null)
            AnsiConsole.MarkupLine($"Today {today.Day:yyyy-MM-dd}: P&L {today.Pnl:N2} (realized {today.RealizedPnl:N2}, {today.Trades} trades) · "
                + (limit is null ? "no daily loss limit" : $"daily loss limit {limit}%: floor {floor:N2}, headroom {headroom:N2}"));
        var table = new Table().AddColumns("strategy", "symbol", "quantity", "avg price");
        foreach (var p in positions) table.AddRow(Markup.Escape(p.Strategy), p.Symbol.Ticker, p.Quantity.ToString(CultureInfo.InvariantCulture), p.AveragePrice.ToString("0.####", CultureInfo.InvariantCulture));
        AnsiConsole.Write(positions.Count == 0 ? new Markup("No open positions.\n") : table);
        if (orders.Count > 0)
        {
            var open = new Table().AddColumns("client order id", "strategy", "symbol", "side", "qty", "filled", "status");
            foreach (var o in orders)
                open.AddRow(o.Order.ClientOrderId, Markup.Escape(o.Order.Strategy), o.Order.Symbol.Ticker, o.Order.Side.ToString(), o.Order.Quantity.ToString(CultureInfo.InvariantCulture), o.FilledQuantity.ToString(CultureInfo.InvariantCulture), o.Status.ToString());
            AnsiConsole.Write(open);
        }
        StatusGates.WriteText(store, settings);
        foreach (var a in alerts) AnsiConsole.MarkupLine($"[yellow]alert[/] {a.Time:u} {Markup.Escape(a.Kind)}: {Markup.Escape(a.Message)}");
        return ExitCodes.Success;
    }

    private static (BrokerView?, string?) ReadBroker(LiveSettings settings)
    {
        try
        {
            var options = ServiceConfigOption.Alpaca(settings);
            options.MaxReadRetries = 0;
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            using var client = new AlpacaClient(options);
            var account = client.GetAccountAsync().GetAwaiter().GetResult();
            return (new BrokerView(account, client.ListPositionsAsync().GetAwaiter().GetResult()), null);
        }
        catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException or UsageException)
        {
            return (null, ex.Message);
        }
    }
}
