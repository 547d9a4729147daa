using Keel.Core.Gates;

namespace Keel.Core.Drift;

/// <summary>
/// A nightly drift run of the service, stored once per trading day (<see cref="Day"/>): the period replayed, its
/// summary, whether paper kept to the backtest, and the whole report as <c>keel drift --json</c> prints it.
/// </summary>
public sealed record DriftRun(string Day, DateTime Time, DateTime From, DateTime To, DriftSummary Summary, double DailyReturnCorrelation,
    bool WithinTolerance, string Json);
