using System.CommandLine;
using Keel.Alpaca;
using Keel.Cli.Output;
using Keel.Core.Gates;
using Keel.Live.Gates;
using Keel.Storage;
using Spectre.Console;
using Keel.Reporting.Json;
using Keel.Reporting.Gates;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel gate</c>: the go/no-go checks for the config's current version — backtest evidence over the
/// data source's history, the paper record and its drift replay — each PASS/WARN/FAIL with its evidence,
/// stored per version. Exit 0 when nothing fails, 1 when a rule fails.
/// </summary>
internal static class GateCommand
{
    public static Command Create()
    {
        var config = ServiceConfigOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object: status and a rules array of {rule, subject, status, evidence}." };
        var command = new Command("gate", "Evaluate the go/no-go gates of the config's current version (strategies, parameters, risk settings) and store the result.") { config, json };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(string configPath, bool asJson)
    {
        var settings = ServiceConfigOption.Load(configPath);
        var alpaca = ServiceConfigOption.Alpaca(settings);
        using var client = new AlpacaClient(alpaca);
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
        var now = client.GetClockAsync().GetAwaiter().GetResult().Timestamp.UtcDateTime;
        GateResult result;
        try
        {
            result = GateRunner.RunAsync(settings, new AlpacaMarketData(client, settings.Feed), store, now).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message);
        }

        if (asJson) JsonStdout.Write(GateResultJson.Of(result), ReportJson.Default.GateResultJson);
        else
        {
            var table = new Table().AddColumns("rule", "subject", "status", "evidence");
            foreach (var rule in result.Rules)
            {
                var colour = rule.Status switch { GateStatus.Pass => "green", GateStatus.Warn => "yellow", _ => "red" };
                table.AddRow(rule.Rule, Markup.Escape(rule.Subject), $"[{colour}]{GateStatusText.Name(rule.Status)}[/]", Markup.Escape(rule.Evidence));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Gate of version {result.Version} at {result.Time:u}: [bold]{GateStatusText.Name(result.Status)}[/] (stored; keel live needs a gate that does not fail, newer than {settings.Gates.MaxGateAgeDays} days)");
        }
        return result.Status == GateStatus.Fail ? ExitCodes.Failure : ExitCodes.Success;
    }
}
