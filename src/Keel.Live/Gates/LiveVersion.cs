using Keel.Core.Gates;
using Keel.Live.Config;
using Keel.Strategies;

namespace Keel.Live.Gates;

/// <summary>The version of a config that gate results and paper records belong to.</summary>
public static class LiveVersion
{
    /// <summary>
    /// Strategies (id and parameters), symbols, timeframe, risk settings and the source hash of the user's
    /// strategy code, so editing a strategy file starts the gates over. Built-ins count as Keel's own
    /// version ("builtin"): rebuilding Keel does not reset them.
    /// </summary>
    public static string Of(LiveSettings settings) =>
        ConfigVersion.Of(settings.Strategies.Select(s => s.Id == s.Text ? s.Text : $"{s.Id}={s.Text}"), settings.Symbols, settings.Timeframe,
            settings.Risk, UserCodeHash(settings));

    private static string? UserCodeHash(LiveSettings settings)
    {
        var user = settings.Strategies.Select(StrategyCode.Of).Where(c => c.IsUserCode).Select(c => c.Sha256).ToList();
        return user.Count == 0 ? null : StrategyCode.Combine(user);
    }
}
