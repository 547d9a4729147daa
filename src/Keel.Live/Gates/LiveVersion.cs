using Keel.Core.Gates;
using Keel.Live.Config;

namespace Keel.Live.Gates;

/// <summary>The version of a config that gate results and paper records belong to.</summary>
public static class LiveVersion
{
    /// <summary>
    /// Strategies, symbols, timeframe and risk settings. The strategies' source hash joins once user
    /// strategies carry one (issue 13): pass it as <c>strategySourceHash</c> here.
    /// </summary>
    public static string Of(LiveSettings settings) =>
        ConfigVersion.Of(settings.Strategies.Select(s => s.Text), settings.Symbols, settings.Timeframe, settings.Risk, strategySourceHash: null);
}
