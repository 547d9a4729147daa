using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Reporting.Tests;

public class ResultCsvWriterTests
{
    private static readonly DateTime Monday = new(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Trades_csv_has_the_exact_header_and_rows()
    {
        Trade[] trades =
        [
            // gross (102.50 − 100.00) × 10 = 25.00, net 25.00 − 1.00 = 24.00, return 24 / 1000 = 2.4%
            new("sma, fast", Symbol.Parse("SPY"), Monday, 100.00m, Monday.AddDays(3).AddHours(6.5), 102.50m, 10m, 1.00m, 0.50m, "cross \"up\"", "stop"),
            // gross (0.5 − 1) × 0.25 = −0.125, net −0.125 − 0 = −0.125, return −0.125 / 0.25 = −50%
            new("rsi", Symbol.Parse("BTC/USD"), Monday, 1m, Monday.AddMinutes(1), 0.5m, 0.25m, 0m, 0m, "oversold", "time"),
        ];
        var text = new StringWriter();

        ResultCsvWriter.WriteTrades(text, trades);

        text.ToString().ShouldBe(
            "strategy,symbol,entry_time,entry_price,exit_time,exit_price,quantity,gross_pnl,fees,slippage,net_pnl,return_pct,entry_reason,exit_reason\n" +
            "\"sma, fast\",SPY,2024-01-02T14:30:00Z,100.00,2024-01-05T21:00:00Z,102.50,10,25.00,1.00,0.50,24.00,2.4,\"cross \"\"up\"\"\",stop\n" +
            "rsi,BTC/USD,2024-01-02T14:30:00Z,1,2024-01-02T14:31:00Z,0.5,0.25,-0.125,0,0,-0.125,-50,oversold,time\n");
    }

    [Fact]
    public void Equity_csv_has_drawdown_from_the_running_peak_including_the_start()
    {
        // start 100: 100 → 0%, 110 → 0% (new peak), 99 → (110 − 99) / 110 = 10%, 121 → 0%
        EquityPoint[] curve =
        [
            new(Monday, 100, 100, 0),
            new(Monday.AddDays(1), 110, 10, 100),
            new(Monday.AddDays(2), 99, 9, 90),
            new(Monday.AddDays(3), 121.5, 121.5, 0),
        ];
        var text = new StringWriter();

        ResultCsvWriter.WriteEquityCurve(text, curve, 100m);

        text.ToString().ShouldBe(
            "timestamp,equity,cash,position_value,drawdown_pct\n" +
            "2024-01-02T14:30:00Z,100,100,0,0\n" +
            "2024-01-03T14:30:00Z,110,10,100,0\n" +
            "2024-01-04T14:30:00Z,99,9,90,10\n" +
            "2024-01-05T14:30:00Z,121.5,121.5,0,0\n");
    }

    [Fact]
    public void Summary_csv_has_one_row_per_run_with_every_metric()
    {
        var metrics = new PerformanceMetrics
        {
            StartingEquity = 10_000m,
            EndingEquity = 11_250.50m,
            TotalReturnPct = 12.505,
            CagrPct = 6.25,
            Trades = 8,
            WinRatePct = 62.5,
            AverageWin = 400.25m,
            AverageLoss = -150m,
            ProfitFactor = double.PositiveInfinity,
            Expectancy = 156.3125m,
            MaxDrawdownPct = 7.5,
            MaxDrawdownDuration = TimeSpan.FromHours(36),
            Sharpe = 1.25,
            Sortino = 2.5,
            Calmar = 0.8333333333333334,
            ExposurePct = 40,
            TotalCommissions = 16m,
            TotalSlippage = 4.5m,
            PeriodsPerYear = 252,
        };
        SummaryRow[] rows = [new("sma", "SPY", "realistic", metrics) { AssetClass = "equity", RejectedOrders = 3, ResizedOrders = 1, CodeSha256 = "ab12" }, new("b,uy \"hold\"", "BTC/USD", "none", metrics)];
        var text = new StringWriter();

        ResultCsvWriter.WriteSummary(text, rows);

        var lines = text.ToString().Split('\n');
        lines.Length.ShouldBe(4); // header, two rows, and the empty string after the final '\n'
        lines[0].ShouldBe("strategy,symbol,costs,total_return_pct,cagr_pct,trades,win_rate_pct,avg_win,avg_loss,profit_factor,expectancy," +
                          "max_drawdown_pct,max_drawdown_days,sharpe,sortino,calmar,exposure_pct,commissions,slippage,starting_equity," +
                          "ending_equity,total_pnl,periods_per_year,asset_class,rejected_orders,resized_orders,code_sha256");
        lines[1].ShouldBe("sma,SPY,realistic,12.505,6.25,8,62.5,400.25,-150,Infinity,156.3125,7.5,1.5,1.25,2.5,0.8333333333333334,40,16,4.5,10000,11250.50,1250.50,252,equity,3,1,ab12");
        lines[2].ShouldStartWith("\"b,uy \"\"hold\"\"\",BTC/USD,none,");
        lines[3].ShouldBeEmpty();
    }

    [Fact]
    public void Path_overloads_create_the_folder_and_write_utf8_without_a_bom()
    {
        var folder = Directory.CreateTempSubdirectory("keel-csv-").FullName;
        try
        {
            var path = Path.Combine(folder, "run", "trades.csv");
            ResultCsvWriter.WriteTrades(path, []);
            var bytes = File.ReadAllBytes(path);
            bytes[0].ShouldBe((byte)'s');
            File.ReadAllText(path).ShouldStartWith("strategy,symbol,");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
