using Keel.Core.Degradation;

namespace Keel.Live.Config;

/// <summary>Reads <c>alerts.degradation</c>; absent keys take the defaults.</summary>
internal static class DegradationConfigReader
{
    public static DegradationSettings Read(LiveConfigFile.DegradationSection? section, List<string> problems)
    {
        var d = new DegradationSettings();
        if (section is null) return d;
        var settings = new DegradationSettings
        {
            Window = section.Window ?? d.Window,
            MinTrades = section.MinTrades ?? d.MinTrades,
            ConfidencePercent = section.ConfidencePercent ?? d.ConfidencePercent,
            CriticalConfidencePercent = section.CriticalConfidencePercent ?? d.CriticalConfidencePercent,
        };
        foreach (var problem in settings.Problems()) problems.Add("alerts.degradation." + problem);
        return settings;
    }
}
