namespace Keel.Core.Research;

/// <summary>
/// A rolling correlation in brief: <paramref name="Windows"/> windows of <paramref name="Window"/> periods,
/// <paramref name="Defined"/> of them with a value; mean, min and max over those (NaN when there is none).
/// </summary>
public readonly record struct RollingCorrelationSummary(int Window, int Windows, int Defined, double Mean, double Min, double Max);
