using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Keel.Cli.Tests;

/// <summary><c>keel data convert</c> and <c>--data x.parquet</c>: the columnar form gives the same results as the CSV.</summary>
public class ParquetCommandTests
{
    private static readonly string SpyCsv = Path.Combine(KeelCli.RepoRoot, "samples", "1Day", "SPY.csv");

    /// <summary>Every test gets its own cache folder: nothing is left in the user's.</summary>
    private static (int ExitCode, string Stdout, string Stderr) Keel(TempFolder temp, params string[] args) =>
        KeelCli.Run(temp.Path, new Dictionary<string, string?> { ["KEEL_CACHE_DIR"] = Path.Combine(temp.Path, "cache") }, args);

    [Fact]
    public void A_backtest_on_the_parquet_conversion_gives_the_same_result_as_on_the_csv()
    {
        using var temp = new TempFolder();
        var parquet = Path.Combine(temp.Path, "SPY.parquet");
        var (code, stdout, stderr) = Keel(temp, "data", "convert", SpyCsv, "--to", "parquet", "--out", parquet);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("bars of SPY written to");

        string[] backtest = ["backtest", "--strategy", "sma-crossover:fast=10,slow=30", "--sizing", "percent:95", "--fill", "next-open",
            "--slippage", "percent:0.05", "--commission", "round-trip:5", "--json"];
        var fromCsv = Keel(temp, [.. backtest, "--data", SpyCsv]);
        var fromParquet = Keel(temp, [.. backtest, "--data", parquet]);
        fromCsv.ExitCode.ShouldBe(0, fromCsv.Stderr);
        fromParquet.ExitCode.ShouldBe(0, fromParquet.Stderr);

        var csvFields = Fields(fromCsv.Stdout);
        var parquetFields = Fields(fromParquet.Stdout);
        csvFields["closed_trades"].ShouldNotBe("0");
        parquetFields.ShouldBe(csvFields);
    }

    [Fact]
    public void Converting_back_to_csv_gives_the_canonical_file()
    {
        using var temp = new TempFolder();
        var parquet = Path.Combine(temp.Path, "SPY.parquet");
        var csv = Path.Combine(temp.Path, "SPY.csv");
        Keel(temp, "data", "convert", SpyCsv, "--to", "parquet", "--out", parquet).ExitCode.ShouldBe(0);
        Keel(temp, "data", "convert", parquet, "--to", "csv", "--out", csv).ExitCode.ShouldBe(0);

        File.ReadAllText(csv).ShouldBe(File.ReadAllText(SpyCsv));
    }

    [Fact]
    public async Task Bad_parquet_input_is_one_line_naming_the_file_and_exit_2()
    {
        using var temp = new TempFolder();
        var notParquet = temp.File("SPY.parquet", "timestamp,open,high,low,close,volume\n");
        var (code, _, stderr) = Keel(temp, "backtest", "--data", notParquet, "--strategy", "rsi");
        code.ShouldBe(2);
        stderr.Trim().ShouldBe($"error: {notParquet}: not a Parquet file (it does not start and end with the Parquet marker PAR1)");

        // Real Parquet, but not bars.
        var prices = Path.Combine(temp.Path, "prices.parquet");
        await WriteParquetWithoutBarColumns(prices);
        (code, _, stderr) = Keel(temp, "backtest", "--data", prices, "--strategy", "rsi");
        code.ShouldBe(2);
        stderr.Trim().ShouldStartWith($"error: {prices}: expected the columns timestamp (or date, datetime, time), open, high, low, close and volume, but the file has: timestamp, price");
        stderr.Trim().ShouldNotContain("\n");

        (code, _, stderr) = Keel(temp, "data", "convert", SpyCsv, "--to", "feather", "--out", Path.Combine(temp.Path, "x.feather"));
        code.ShouldBe(2);
        stderr.ShouldContain("expected parquet or csv");
    }

    private static async Task WriteParquetWithoutBarColumns(string path)
    {
        var time = new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
        var price = new DataField<double>("price");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(time, price), stream);
        using var rows = writer.CreateRowGroup();
        await rows.WriteAsync<DateTime>(time, new[] { new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc) });
        await rows.WriteAsync<double>(price, new[] { 1.0 });
    }

    private static Dictionary<string, string> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("elapsed_ms" or "load_ms"))
            .ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }
}
