using System.Globalization;
using Keel.Core.Research;

namespace Keel.Reporting.Ensembles;

/// <summary><c>keel ensemble compare</c>'s CSV files beside its summary: the windows as tuned, and the members' correlations.</summary>
public static class EnsembleCsv
{
    public static void WriteWindows(string path, IEnumerable<EnsembleComparisonResult> results)
    {
        var csv = new System.Text.StringBuilder("symbol,window,is_from,oos_from,oos_to,member,chosen,is_trials,is_deflated_sharpe,is_pbo,in_sample_choice\n");
        foreach (var r in results)
            foreach (var (s, i) in r.Steps.Select((s, i) => (s, i + 1)))
                for (var m = 0; m < s.Members.Count; m++)
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{r.Symbol.Ticker},{i},{s.IsFrom:yyyy-MM-ddTHH:mm:ssZ},{s.OosFrom:yyyy-MM-ddTHH:mm:ssZ},{s.OosTo:yyyy-MM-ddTHH:mm:ssZ},{m + 1},{Quote(s.Members[m].Text)},{s.Tuning[m]?.Trials ?? 1},{s.Tuning[m]?.DeflatedSharpe:R},{s.Tuning[m]?.Pbo:R},{(s.InSampleChoice == m ? 1 : 0)}\n");
        File.WriteAllText(path, csv.ToString());
    }

    public static void WriteCorrelations(string path, IEnumerable<PairCorrelation> pairs)
    {
        var csv = new System.Text.StringBuilder("symbol,member_a,member_b,full_period,window_days,rolling_mean,rolling_min,rolling_max,windows_defined,windows\n");
        foreach (var p in pairs)
            csv.Append(CultureInfo.InvariantCulture,
                $"{p.Symbol.Ticker},{Quote(p.A)},{Quote(p.B)},{p.FullPeriod:R},{p.Rolling.Window},{p.Rolling.Mean:R},{p.Rolling.Min:R},{p.Rolling.Max:R},{p.Rolling.Defined},{p.Rolling.Windows}\n");
        File.WriteAllText(path, csv.ToString());
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
