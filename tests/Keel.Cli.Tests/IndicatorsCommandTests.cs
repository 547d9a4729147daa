using System.Globalization;

namespace Keel.Cli.Tests;

public class IndicatorsCommandTests
{
    [Fact]
    public void Writes_a_timestamp_column_then_one_column_per_output_with_empty_warm_up_cells()
    {
        // Closes 1..5: SMA(3) is empty for the first two bars, then (1+2+3)/3 = 2, 3, 4.
        using var temp = new TempFolder();
        var file = temp.File("five.csv", "Date,Open,High,Low,Close,Volume\n" + string.Join("\n",
            Enumerable.Range(1, 5).Select(i => $"2024-01-0{i + 1},{i},{i},{i},{i},100")) + "\n");
        var output = Path.Combine(temp.Path, "out.csv");
        var (code, _, stderr) = KeelCli.Run(temp.Path, "indicators", "--data", file, "--indicators", "sma:3,macd:2:3:2", "--out", output);
        code.ShouldBe(0, stderr);
        var lines = File.ReadAllLines(output);
        lines[0].ShouldBe("timestamp,sma_3,macd_2_3_2,macd_signal_2_3_2,macd_hist_2_3_2");
        lines[1].ShouldBe("2024-01-02T05:00:00Z,,,,");
        lines[3].Split(',')[1].ShouldBe("2");
        lines[5].Split(',')[1].ShouldBe("4");
        lines.Length.ShouldBe(6);
    }

    [Fact]
    public void Matches_an_independent_computation_on_real_oracle_prices()
    {
        var orcl = KeelCli.SharedData("backtrader/orcl-1995-2014.txt");
        if (orcl is null) return; // the shared validation data is not beside this checkout
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "orcl.csv");
        var (code, _, stderr) = KeelCli.Run(temp.Path, "indicators", "--data", orcl, "--indicators", "sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14", "--out", output);
        code.ShouldBe(0, stderr);
        var rows = File.ReadAllLines(output);
        rows.Length.ShouldBe(5037);

        // Independent computation from the raw closes, straight from the TA-Lib definitions.
        var bars = File.ReadAllLines(orcl).Skip(1).Select(l => l.Split(',')).Select(f => (H: D(f[2]), L: D(f[3]), C: D(f[4]))).ToArray();
        var closes = bars.Select(b => b.C).ToArray();
        var header = rows[0].Split(',');
        double Cell(int row, string column) => D(rows[row + 1].Split(',')[Array.IndexOf(header, column)]);

        foreach (var i in new[] { 19, 100, 2500, 5035 })
        {
            var window = closes[(i - 19)..(i + 1)];
            var mean = window.Average();
            var sd = Math.Sqrt(window.Sum(x => (x - mean) * (x - mean)) / 20);
            Cell(i, "sma_20").ShouldBe(mean, 1e-9 * mean);
            Cell(i, "bb_upper_20_2").ShouldBe(mean + 2 * sd, 1e-9 * mean);
            Cell(i, "bb_lower_20_2").ShouldBe(mean - 2 * sd, 1e-9 * mean);
        }
        // RSI(14), Wilder: seed with the simple mean of the first 14 changes, then smooth.
        double gain = 0, loss = 0;
        for (var i = 1; i <= 14; i++) { var d = closes[i] - closes[i - 1]; gain += Math.Max(d, 0) / 14; loss += Math.Max(-d, 0) / 14; }
        for (var i = 15; i <= 1000; i++) { var d = closes[i] - closes[i - 1]; gain = (gain * 13 + Math.Max(d, 0)) / 14; loss = (loss * 13 + Math.Max(-d, 0)) / 14; }
        Cell(1000, "rsi_14").ShouldBe(100 * gain / (gain + loss), 1e-9 * 100);
        // ATR(14): mean of true ranges 1..14, then Wilder smoothing.
        double atr = 0;
        for (var i = 1; i <= 14; i++) atr += TrueRange(bars, i) / 14;
        for (var i = 15; i <= 1000; i++) atr = (atr * 13 + TrueRange(bars, i)) / 14;
        Cell(1000, "atr_14").ShouldBe(atr, 1e-9 * atr);
        Cell(13, "atr_14").ShouldBe(double.NaN);
        // MACD's first complete row is bar 33 (TA-Lib): empty before, filled from there.
        rows[33].Split(',')[Array.IndexOf(header, "macd_signal_12_26_9")].ShouldBe("");
        rows[34].Split(',')[Array.IndexOf(header, "macd_signal_12_26_9")].ShouldNotBe("");
    }

    private static double TrueRange((double H, double L, double C)[] bars, int i) =>
        Math.Max(bars[i].H - bars[i].L, Math.Max(Math.Abs(bars[i].H - bars[i - 1].C), Math.Abs(bars[i].L - bars[i - 1].C)));

    private static double D(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
}
