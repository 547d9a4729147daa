using System.Globalization;
using System.Text;
using Keel.Core.Research;

namespace Keel.Reporting.Research;

/// <summary><c>keel sweep</c>'s <c>sweep_{strategy}.csv</c>: one row per trial, the grid's parameters then the trial's metrics.</summary>
public static class SweepCsv
{
    public static void Write(string path, SweepResult result, ParameterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(grid);
        var csv = new StringBuilder();
        csv.Append(string.Join(",", grid.Axes.Select(a => a.Name))).Append(",total_return_pct,max_drawdown_pct,sharpe,sortino,calmar,win_rate_pct,trades,daily_sharpe\n");
        foreach (var t in result.Trials)
        {
            var m = t.Metrics;
            csv.Append(string.Join(",", grid.Axes.Select(a => t.Spec.Parameters.Get(a.Name).ToString("R", CultureInfo.InvariantCulture))))
               .Append(CultureInfo.InvariantCulture, $",{m.TotalReturnPct:R},{m.MaxDrawdownPct:R},{m.Sharpe:R},{m.Sortino:R},{m.Calmar:R},{m.WinRatePct:R},{t.ClosedTrades},{t.DailySharpe:R}\n");
        }
        File.WriteAllText(path, csv.ToString());
    }
}
