using System.Net;

namespace Keel.Dashboard;

/// <summary>What <c>keel dashboard</c> serves and how: the store to read, the results folder, the address, the token, control.</summary>
public sealed record DashboardOptions
{
    /// <summary>"paper" or "live", from the service's config: shown on every page.</summary>
    public required string Mode { get; init; }
    public string? SqlitePath { get; init; }
    public string? PostgresConnectionString { get; init; }
    /// <summary>Where keel compare / sweep / backtest --out wrote their results (may not exist yet).</summary>
    public string? ResultsFolder { get; init; }
    public string Bind { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 5080;
    /// <summary>KEEL_DASHBOARD_TOKEN: when set, every request must carry it; required to bind beyond loopback.</summary>
    public string? Token { get; init; }
    /// <summary>Offer halt / resume / flatten and acknowledging alerts (written to the store like keel halt, keel alerts ack). Off: the dashboard only reads.</summary>
    public bool AllowControl { get; init; }
    /// <summary>How often the store is asked whether something changed (pushed to open pages as server-sent events).</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The address to listen on; refuses a bind beyond loopback without a token, and anything that is not an address.</summary>
    public IPAddress ListenAddress()
    {
        var address = Bind.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(Bind, out var parsed) ? parsed
            : throw new DashboardOptionsException($"--bind: '{Bind}' is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface).");
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(Token))
            throw new DashboardOptionsException($"--bind {Bind} would expose the dashboard beyond this machine: set KEEL_DASHBOARD_TOKEN (a long random secret) first, or bind 127.0.0.1.");
        if (Port is < 0 or > 65535) throw new DashboardOptionsException($"--port: {Port} is not a TCP port (1-65535).");
        return address;
    }
}

/// <summary>A dashboard setting that cannot work; its message says which and what to do.</summary>
public sealed class DashboardOptionsException(string message) : Exception(message);
