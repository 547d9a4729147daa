using Keel.Alpaca;
using Keel.Core.Persistence;
using Keel.Live.Config;
using Keel.Live.Gates;
using Keel.Storage;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel live</c>'s gate: refuses (exit 2) unless the current version has a passing, recent gate
/// result; <c>--override-gates "reason"</c> starts anyway and records who and why.
/// </summary>
internal static class LiveGate
{
    public static void Enforce(LiveSettings settings, AlpacaOptions alpaca, string? overrideReason)
    {
        if (overrideReason is not null && string.IsNullOrWhiteSpace(overrideReason))
            throw new UsageException("--override-gates needs a reason, e.g. --override-gates \"restart after a config typo fix, gate re-run tonight\".");
        DateTime now;
        using (var client = new AlpacaClient(alpaca)) now = client.GetClockAsync().GetAwaiter().GetResult().Timestamp.UtcDateTime;
        using var store = TradingStores.Open(settings.SqlitePath, settings.PostgresConnectionString);
        var gates = (IGateStore)store;
        var refusal = LiveGateCheck.Refusal(settings, gates, now);
        if (refusal is null) return;
        if (overrideReason is null)
            throw new UsageException($"keel live refuses to start: {refusal}. Fix it (keel gate --config shows every rule), or start anyway with --override-gates \"reason\".");
        LiveGateCheck.RecordOverride(settings, store, gates, now, Environment.UserName, overrideReason.Trim(), refusal);
        Console.Error.WriteLine($"Gates overridden by {Environment.UserName} ({overrideReason.Trim()}); recorded with a critical alert. {refusal}");
    }
}
