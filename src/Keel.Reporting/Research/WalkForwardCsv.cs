using System.Globalization;
using System.Text;
using Keel.Core.Research;

namespace Keel.Reporting.Research;

/// <summary><c>keel walkforward</c>'s <c>walkforward_{strategy}.csv</c>: one row per window, in sample beside out of sample.</summary>
public static class WalkForwardCsv
{
    public static void Write(string path, WalkForwardResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("window,is_from,oos_from,oos_to,chosen,is_trials,is_deflated_sharpe,is_pbo,is_return_pct,is_sharpe,oos_return_pct,oos_sharpe,oos_max_drawdown_pct,oos_trades\n");
        foreach (var (s, i) in result.Steps.Select((s, i) => (s, i)))
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},{s.IsFrom:yyyy-MM-ddTHH:mm:ssZ},{s.OosFrom:yyyy-MM-ddTHH:mm:ssZ},{s.OosTo:yyyy-MM-ddTHH:mm:ssZ},\"{s.Chosen.Text}\",{s.Tuning.Trials},{s.Tuning.DeflatedSharpe:R},{s.Tuning.Pbo:R},{s.InSample.TotalReturnPct:R},{s.InSample.Sharpe:R},{s.OutOfSample.TotalReturnPct:R},{s.OutOfSample.Sharpe:R},{s.OutOfSample.MaxDrawdownPct:R},{s.OutOfSample.Trades}\n");
        File.WriteAllText(path, csv.ToString());
    }
}
