using System.CommandLine;
using Keel.Alpaca;
using Keel.Core.Persistence;
using Keel.Storage;

namespace Keel.Cli.Commands;

/// <summary>
/// The kill switch. <c>keel halt</c> records the halt in the store (the running service refuses new
/// entries from its next cycle, cancels its working orders and, with <c>--flatten</c>, closes every
/// position) and cancels open orders at the broker at once. <c>keel resume</c> lifts it.
/// </summary>
internal static class HaltCommand
{
    public static Command Halt()
    {
        var config = ServiceConfigOption.Create();
        var flatten = new Option<bool>("--flatten") { Description = "Also close every position (done by the running service, so the fills are recorded)." };
        var reason = new Option<string>("--reason") { Description = "Why, for the journal and keel status.", DefaultValueFactory = _ => "halted by keel halt" };
        var command = new Command("halt", "Stop new entries now: cancel open orders, optionally flatten, until keel resume.") { config, flatten, reason };
        command.SetAction(parse =>
        {
            var settings = ServiceConfigOption.Load(parse.GetValue(config)!);
            using (var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString))
                store.SetHalt(new HaltState(true, parse.GetValue(reason), TimeProvider.System.GetUtcNow().UtcDateTime, parse.GetValue(flatten)));
            Console.WriteLine($"Halted in {settings.StoreDescription}: the service refuses new entries from its next cycle{(parse.GetValue(flatten) ? " and closes every position" : "")}.");
            try
            {
                var alpaca = ServiceConfigOption.Alpaca(settings);
                alpaca.MaxReadRetries = 1;
                using var client = new AlpacaClient(alpaca);
                var cancelled = client.CancelAllOrdersAsync().GetAwaiter().GetResult();
                Console.WriteLine($"Asked the broker to cancel {cancelled.Count} open order(s).");
            }
            catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException or UsageException)
            {
                Console.Error.WriteLine($"warning: could not cancel open orders at the broker now ({ex.Message}); the service cancels its own on its next cycle.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Resume()
    {
        var config = ServiceConfigOption.Create();
        var command = new Command("resume", "Lift keel halt: the service takes new entries again from its next cycle.") { config };
        command.SetAction(parse =>
        {
            var settings = ServiceConfigOption.Load(parse.GetValue(config)!);
            using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
            var was = store.Halt();
            store.SetHalt(HaltState.Running);
            Console.WriteLine(was.Halted ? $"Resumed (was halted since {was.Since:u}: {was.Reason})." : "Not halted; nothing to resume.");
            return ExitCodes.Success;
        });
        return command;
    }
}
