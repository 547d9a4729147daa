using System.CommandLine;
using Keel.Alpaca;
using Keel.Dashboard;
using Keel.Storage;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel dashboard</c>: the web dashboard over the service's store (read-only) and a results folder. Loopback by
/// default; another address needs KEEL_DASHBOARD_TOKEN (environment or .env); control only with --allow-control.
/// </summary>
internal static class DashboardCommand
{
    public const string TokenVariable = "KEEL_DASHBOARD_TOKEN";

    public static Command Create()
    {
        var config = ServiceConfigOption.Create();
        var results = new Option<string>("--results") { Description = "The results folder of keel compare / sweep / backtest --out.", DefaultValueFactory = _ => "results" };
        var port = new Option<int>("--port") { Description = "TCP port.", DefaultValueFactory = _ => 5080 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on; anything but loopback needs KEEL_DASHBOARD_TOKEN.", DefaultValueFactory = _ => "127.0.0.1" };
        var allowControl = new Option<bool>("--allow-control") { Description = "Offer halt / resume / flatten and acknowledging alerts (recorded in the store like keel halt and keel alerts ack). Off: read-only." };
        var command = new Command("dashboard", "Serve the web dashboard: live positions, equity, journal, alerts, and the backtests in the results folder.")
        {
            config, results, port, bind, allowControl,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(config)!, parse.GetValue(results)!, parse.GetValue(port), parse.GetValue(bind)!, parse.GetValue(allowControl), ct));
        return command;
    }

    private static async Task<int> RunAsync(string configPath, string results, int port, string bind, bool allowControl, CancellationToken ct)
    {
        var settings = ServiceConfigOption.Load(configPath);
        var options = new DashboardOptions
        {
            Mode = settings.Mode.ToString().ToLowerInvariant(),
            SqlitePath = settings.PostgresConnectionString is null ? settings.SqlitePath : null,
            PostgresConnectionString = settings.PostgresConnectionString,
            ResultsFolder = Path.GetFullPath(results),
            Port = port,
            Bind = bind,
            Token = Token(),
            AllowControl = allowControl,
        };
        DashboardServer server;
        try
        {
            server = await DashboardServer.StartAsync(options, ct: ct);
        }
        catch (Exception ex) when (ex is DashboardOptionsException or TradingStoreException)
        {
            throw new UsageException(ex.Message);
        }
        catch (IOException ex)
        {
            throw new UsageException($"Cannot listen on {bind}:{port}: {ex.Message} (another program has the port? try --port).");
        }
        await using (server)
        {
            Console.WriteLine($"Keel dashboard ({options.Mode.ToUpperInvariant()}, {(allowControl ? "control allowed" : "read-only")}) on {server.BaseUrl} over {settings.StoreDescription}; results from {options.ResultsFolder}.");
            if (options.Token is not null) Console.WriteLine("A token is required: open the address once with ?token=<KEEL_DASHBOARD_TOKEN>.");
            Console.WriteLine("Ctrl+C stops it.");
            await server.RunUntilCancelledAsync(ct);
        }
        return ExitCodes.Success;
    }

    /// <summary>From the environment, else a .env file where keel runs; empty counts as unset. Never printed.</summary>
    private static string? Token()
    {
        var value = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(value) && File.Exists(".env")) DotEnvFile.Read(".env").TryGetValue(TokenVariable, out value);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
