using Keel.Dashboard;
using Keel.Live.Config;
using Keel.Storage;

namespace Keel.Cli.Commands;

/// <summary>
/// The dashboard inside <c>keel paper</c> / <c>keel live</c> when the config has <c>"dashboard": {"port": N}</c>: the same
/// server as <c>keel dashboard</c> with its defaults (127.0.0.1, read-only, results from ./results), over the service's
/// store opened read-only, so one process is enough on a VM.
/// </summary>
internal static class ServiceDashboard
{
    /// <summary>Null when the config asks for none. Started before the service, so a taken port refuses the start.</summary>
    public static DashboardServer? Start(LiveSettings settings)
    {
        if (settings.DashboardPort is not { } port) return null;
        var options = new DashboardOptions
        {
            Mode = settings.Mode.ToString().ToLowerInvariant(),
            SqlitePath = settings.PostgresConnectionString is null ? settings.SqlitePath : null,
            PostgresConnectionString = settings.PostgresConnectionString,
            ResultsFolder = Path.GetFullPath("results"),
            Port = port,
        };
        try
        {
            var server = DashboardServer.StartAsync(options).GetAwaiter().GetResult();
            Console.WriteLine($"Keel dashboard ({options.Mode.ToUpperInvariant()}, read-only) on {server.BaseUrl}");
            return server;
        }
        catch (Exception ex) when (ex is DashboardOptionsException or TradingStoreException)
        {
            throw new UsageException(ex.Message);
        }
        catch (IOException ex)
        {
            throw new UsageException($"dashboard.port: cannot listen on 127.0.0.1:{port}: {ex.Message} (another program has the port?).");
        }
    }
}
