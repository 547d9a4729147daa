using System.CommandLine;
using Keel.Alpaca;
using Keel.Live;
using Keel.Live.Config;
using Keel.Storage;
using Microsoft.Extensions.Hosting;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel paper</c> and <c>keel live</c>: the trading service in the foreground (systemd runs the same
/// command). Paper is the default everywhere; live needs <c>"mode": "live"</c> in the config AND
/// <c>--confirm-live</c>, and paper refuses an account that is not a paper account.
/// </summary>
internal static class TradeCommand
{
    public static Command Paper() => Create("paper", TradingMode.Paper,
        "Paper-trade the config's strategies on Alpaca (or keel sim) until stopped: market hours for stocks, 24/7 for crypto, state in the store.");

    public static Command Live() => Create("live", TradingMode.Live,
        "Trade with REAL money on Alpaca. Needs \"mode\": \"live\" in the config and --confirm-live.");

    private static Command Create(string name, TradingMode mode, string description)
    {
        var config = ServiceConfigOption.Create();
        var confirm = new Option<bool>("--confirm-live") { Description = "Required by keel live: you mean to trade real money." };
        var acceptChange = new Option<bool>("--accept-strategy-change") { Description = "Resume a strategy whose code (its file or project) changed since the store last ran it." };
        var overrideGates = new Option<string?>("--override-gates") { Description = "keel live: start although the gates do not pass; the reason is recorded with who gave it, and a critical alert is raised." };
        var command = new Command(name, description) { config, acceptChange };
        if (mode == TradingMode.Live) { command.Add(confirm); command.Add(overrideGates); }
        command.SetAction(parse => Run(mode, parse.GetValue(config)!, parse.GetValue(confirm), parse.GetValue(acceptChange), parse.GetValue(overrideGates)));
        return command;
    }

    private static int Run(TradingMode mode, string configPath, bool confirmLive, bool acceptStrategyChange, string? overrideGates)
    {
        var settings = ServiceConfigOption.Load(configPath);
        if (mode == TradingMode.Paper && settings.Mode == TradingMode.Live)
            throw new UsageException($"{configPath} says \"mode\": \"live\"; run keel live --confirm-live for real money, or set \"mode\": \"paper\".");
        if (mode == TradingMode.Live && settings.Mode != TradingMode.Live)
            throw new UsageException($"keel live needs \"mode\": \"live\" in {configPath}; it says paper, so use keel paper.");
        if (mode == TradingMode.Live && !confirmLive)
            throw new UsageException("keel live trades real money: add --confirm-live to say you mean it.");

        var alpaca = ServiceConfigOption.Alpaca(settings);
        using (var client = new AlpacaClient(alpaca))
        {
            var account = client.GetAccountAsync().GetAwaiter().GetResult();
            var paperAccount = account.AccountNumber?.StartsWith("PA", StringComparison.Ordinal) == true;
            if (mode == TradingMode.Paper && !paperAccount)
                throw new UsageException($"{alpaca.EffectiveTradingUrl} answers with a live account; keel paper refuses to trade it. Point alpaca.tradingUrl at a paper endpoint.");
        }
        if (mode == TradingMode.Live) LiveGate.Enforce(settings, alpaca, overrideGates);

        using (var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString))
        {
            try
            {
                foreach (var change in StrategyCodeGate.Check(store, settings.Strategies, acceptStrategyChange, TimeProvider.System.GetUtcNow().UtcDateTime))
                    Console.Error.WriteLine($"strategy code changed (accepted): {change}");
            }
            catch (LiveConfigException ex)
            {
                throw new UsageException(ex.Message);
            }
        }

        using var host = LiveHost.Build(settings, alpaca, s => TradingStores.Open(s.SqlitePath, s.PostgresConnectionString), CrashPoints.FromEnvironment());
        var dashboard = ServiceDashboard.Start(settings);
        try
        {
            host.Run();
        }
        finally
        {
            dashboard?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return Environment.ExitCode;
    }
}
