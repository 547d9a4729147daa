using Keel.Core.Domain;
using Keel.Core.Research;

namespace Keel.Reporting.Ensembles;

/// <summary>Two members' correlation on one symbol: over the whole period and over rolling windows.</summary>
public sealed record PairCorrelation(Symbol Symbol, string A, string B, double FullPeriod, RollingCorrelationSummary Rolling);
