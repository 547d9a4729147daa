using System.CommandLine;
using Keel.Alpaca;
using Keel.AlpacaSim;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel sim</c>: the Alpaca-compatible local server, in this process, until Ctrl+C. The arguments are
/// the sim's own (<see cref="SimCommandLine"/>), passed through unchanged so the two never drift apart.
/// </summary>
internal static class SimCommand
{
    public static Command Create()
    {
        var command = new Command("sim",
            "Run the Alpaca-compatible local server on 127.0.0.1 until Ctrl+C: [--port 18080] [--data DIR] [--start 2024-01-02T14:30:00Z] " +
            "[--speed 60] [--key K --secret S] [--cash 100000] [--quiet]. --data is a bar store folder such as samples/.")
        {
            // Everything after `sim` goes to the sim's own parser.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parse => Run(parse.UnmatchedTokens));
        return command;
    }

    private static int Run(IReadOnlyList<string> args)
    {
        var options = SimCommandLine.Parse(args);
        if (options.DataDirectory is { } data && !Directory.Exists(data))
            throw new UsageException($"--data '{data}' is not a folder; give a bar store folder such as samples/ ({{timeframe}}/{{SYMBOL}}.csv).");

        SimServer server;
        try
        {
            server = SimServer.StartAsync(options).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            throw new UsageException($"cannot listen on {options.Host}:{options.Port}: {ex.Message} (is another sim running? pick another --port)");
        }

        try
        {
            var url = server.BaseUrl.ToString().TrimEnd('/');
            Console.WriteLine($"Alpaca-compatible sim on {url} (clock {server.Clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}, speed {options.Speed}x, "
                              + $"bars for {Describe(server.Bars.Symbols)}). Ctrl+C stops it.");
            Console.WriteLine("Point Keel at it (keys are never printed):");
            Console.WriteLine($"  export {AlpacaOptions.TradingUrlVariable}={url}");
            Console.WriteLine($"  export {AlpacaOptions.DataUrlVariable}={url}");
            Console.WriteLine(options.KeyId is null
                ? $"  export {AlpacaOptions.KeyIdVariable}=any {AlpacaOptions.SecretKeyVariable}=any   # this sim accepts any key pair"
                : $"  export {AlpacaOptions.KeyIdVariable}=... {AlpacaOptions.SecretKeyVariable}=...   # the pair given with --key/--secret");
            server.WaitForShutdownAsync().GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return ExitCodes.Success;
    }

    private static string Describe(IReadOnlyList<string> symbols) =>
        symbols.Count == 0 ? "no symbols (give --data DIR)" : string.Join(", ", symbols);
}
