using System.CommandLine;
using Keel.Alpaca;
using Keel.Core.Capital;
using Keel.Core.Persistence;
using Keel.Live.Gates;
using Keel.Storage;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel capital promote</c>: moves live trading to the next capital stage when its criteria hold (days
/// at the stage, profitable since it began, gates still passing). Without <c>--confirm</c> it only shows
/// them; exit 1 when one is not met.
/// </summary>
internal static class CapitalCommand
{
    public static Command Create()
    {
        var config = ServiceConfigOption.Create();
        var confirm = new Option<bool>("--confirm") { Description = "Promote for real (without it, only the criteria are shown)." };
        var promote = new Command("promote", "Move live trading to the next capital stage once days at the stage, profit and gates allow.") { config, confirm };
        promote.SetAction(parse => Promote(parse.GetValue(config)!, parse.GetValue(confirm)));
        return new Command("capital", "The share of equity live trading may risk, in stages (the config's capital section).") { promote };
    }

    private static int Promote(string configPath, bool confirm)
    {
        var settings = ServiceConfigOption.Load(configPath);
        if (settings.PostgresConnectionString is null && !File.Exists(settings.SqlitePath))
            throw new UsageException($"There is no store at {settings.SqlitePath} yet: live trading has not started.");
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
        var gates = (IGateStore)store;
        var last = gates.CapitalChanges().LastOrDefault()
            ?? throw new UsageException("No capital stage recorded yet: keel live starts at the first stage; promote after it has run.");
        DateTime now;
        decimal? brokerEquity;
        using (var client = new AlpacaClient(ServiceConfigOption.Alpaca(settings)))
        {
            now = client.GetClockAsync().GetAwaiter().GetResult().Timestamp.UtcDateTime;
            brokerEquity = client.GetAccountAsync().GetAwaiter().GetResult().Equity;
        }
        var history = store is IEquityHistory h ? h.EquityHistory() : [];
        var atStart = history.FirstOrDefault(e => e.Time >= last.Time)?.Equity ?? history.LastOrDefault(e => e.Time <= last.Time)?.Equity ?? 0m;
        var equityNow = brokerEquity ?? store.LatestEquity()?.Equity ?? 0m;
        var refusal = LiveGateCheck.Refusal(settings, gates, now);
        var stage = Math.Clamp(last.Stage, 1, settings.Capital.Stages.Count);
        // Stage changes carry the wall clock (days of real money); the gate's age is in the broker's time.
        var wallNow = TimeProvider.System.GetUtcNow().UtcDateTime;
        var criteria = PromotionCheck.Evaluate(settings.Capital, stage, last.Time, wallNow, atStart, equityNow, refusal is null, refusal ?? "the current version's gate passes");

        foreach (var c in criteria) AnsiConsole.MarkupLine($"{(c.Met ? "[green]met[/]    " : "[red]not met[/]")} {Markup.Escape(c.Name)}: {Markup.Escape(c.Evidence)}");
        if (criteria.Any(c => !c.Met))
        {
            AnsiConsole.MarkupLine($"Stays at stage {stage} ({settings.Capital.Stages[stage - 1].Percent}% of equity).");
            return ExitCodes.Failure;
        }
        var next = settings.Capital.Limit(stage + 1);
        if (!confirm)
        {
            AnsiConsole.MarkupLine($"Criteria met: add --confirm to move to {next}.");
            return ExitCodes.Success;
        }
        gates.RecordCapitalChange(new CapitalChange(wallNow, next.Stage, next.Percent, "promote", Environment.UserName,
            string.Join("; ", criteria.Select(c => $"{c.Name}: {c.Evidence}"))));
        AnsiConsole.MarkupLine($"Promoted to {next}; a running service takes it at its next cycle.");
        return ExitCodes.Success;
    }
}
