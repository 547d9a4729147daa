namespace Keel.Core.Degradation;

/// <summary>The figures a strategy's live record is held to: win rate, average trade and the return over the trades.</summary>
public enum TradeFigure
{
    /// <summary>Share of trades with a positive net P&amp;L, in percent.</summary>
    WinRate,
    /// <summary>Mean net return per trade, in percent of the entry notional.</summary>
    AverageTrade,
    /// <summary>The trades' net returns compounded, in percent: what they made in a row at full size.</summary>
    Return,
}

public static class TradeFigures
{
    public static double Of(TradeFigure figure, IReadOnlyList<double> returnsPct) => figure switch
    {
        _ when returnsPct.Count == 0 => 0,
        TradeFigure.WinRate => returnsPct.Count(r => r > 0) * 100.0 / returnsPct.Count,
        TradeFigure.AverageTrade => returnsPct.Average(),
        TradeFigure.Return => (returnsPct.Aggregate(1.0, (product, r) => product * (1 + r / 100)) - 1) * 100,
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };

    public static string Name(TradeFigure figure) => figure switch
    {
        TradeFigure.WinRate => "win rate",
        TradeFigure.AverageTrade => "average trade",
        TradeFigure.Return => "return",
        _ => figure.ToString(),
    };
}
