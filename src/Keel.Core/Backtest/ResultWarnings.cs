using System.Globalization;

namespace Keel.Core.Backtest;

/// <summary>
/// What a result's numbers alone would hide, said next to them: too few trades to judge, and orders the
/// strategy asked for that never happened as asked (refused or resized).
/// </summary>
public static class ResultWarnings
{
    /// <summary>Fewer closed trades than this and the statistics say little (a Sharpe of 1 trade is luck).</summary>
    public const int FewTrades = 5;

    public static bool TooFewTrades(int trades) => trades < FewTrades;

    public static IReadOnlyList<string> For(BacktestResult result)
    {
        var warnings = new List<string>();
        var trades = result.Metrics.Trades;
        if (TooFewTrades(trades))
            warnings.Add(F($"only {trades} closed trade{(trades == 1 ? "" : "s")}: too few to judge the strategy by"));
        var tally = result.OrderTally;
        if (tally.Rejected > 0)
            warnings.Add(F($"{tally.Rejected} order{(tally.Rejected == 1 ? " was" : "s were")} refused ({Reasons(tally.RejectedByReason)}): the strategy traded less than it asked"));
        if (tally.Resized > 0)
            warnings.Add(F($"{tally.Resized} entr{(tally.Resized == 1 ? "y was" : "ies were")} resized ({Reasons(tally.ResizedByReason)})"));
        return warnings;
    }

    public static string Reasons(IReadOnlyDictionary<string, int> byReason) =>
        string.Join(", ", byReason.Select(r => F($"{r.Key} {r.Value}")));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
