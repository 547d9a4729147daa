using System.Globalization;
using Keel.Core.Research;

namespace Keel.Reporting.Ensembles;

/// <summary>The words <c>keel ensemble compare</c> uses in its console tables and its report alike.</summary>
public static class EnsembleText
{
    /// <summary>Two decimals; "∞" for a positive infinity, "n/a" for NaN (as the console's tables write numbers).</summary>
    public static string D(double value) => double.IsPositiveInfinity(value) ? "∞" : double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    public static string Tally(CandidateTally t) => t.Kind switch
    {
        CandidateKind.Member => $"best member on {t.Wins} of {t.Symbols}",
        _ => $"beats the best member on {t.Wins} of {t.Symbols}" + (t.BeatsInSampleChoiceOn is { } n ? $"; the in-sample choice on {n} of {t.Symbols}" : ""),
    };

    /// <summary>How far an in-sample choice can be trusted: trials, deflated Sharpe, probability of backtest overfitting.</summary>
    public static string Trust(TuningStatistics t) =>
        $"{t.Trials} trials, DSR {D(t.DeflatedSharpe)}, PBO {(t.Pbo is { } pbo ? D(pbo) : "n/a")}";

    /// <summary>The candidate kinds as <c>--json</c> names them.</summary>
    public static string Kind(CandidateKind kind) => kind switch
    {
        CandidateKind.Member => "member",
        CandidateKind.InSampleChoice => "in_sample_choice",
        _ => "ensemble",
    };
}
