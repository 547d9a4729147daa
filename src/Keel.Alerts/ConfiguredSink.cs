using Keel.Core.Persistence;

namespace Keel.Alerts;

/// <summary>
/// A sink as configured: its name (the key of its outbox rows, so it must stay stable across restarts),
/// the least severe alert it carries, and whether reports go through it too.
/// </summary>
public sealed record ConfiguredSink(string Name, AlertSeverity MinSeverity, bool CarriesReports, IAlertSink Sink)
{
    public bool Carries(AlertSeverity severity) => severity >= MinSeverity;
}
