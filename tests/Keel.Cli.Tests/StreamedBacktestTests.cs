using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Keel.Cli.Commands;
using Keel.Cli.Output;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Strategies;
using Symbol = Keel.Core.Domain.Symbol;
using Keel.Data.Columnar;
using Keel.Data.Csv;
using Keel.Reporting;
using Keel.Reporting.Json;
using Parquet;
using Parquet.Schema;

namespace Keel.Cli.Tests;

/// <summary>
/// <c>keel backtest</c> over several <c>--data</c> files streams them (issue 18, target 3): the JSON and the
/// <c>--out</c> files are those of loading every series whole and running <see cref="Backtester.Run(BacktestSettings, IReadOnlyList{BarSeries}, IReadOnlyList{IStrategySpec})"/>
/// on them (the command before it streamed), with the columnar cache off and on, with <c>--from</c>/<c>--to</c> and warm-up.
/// </summary>
public class StreamedBacktestTests
{
    private static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Two CSVs and a Parquet file, each over 1 MiB (so the cache keeps them), starting and ending at different times.</summary>
    private static string[] Universe(TempFolder temp)
    {
        string[] files =
        [
            Write(temp, "AAA-USD.csv", new Symbol("AAA/USD", AssetClass.Crypto), Start, 24_000, seed: 1),
            Write(temp, "BBB-USD.csv", new Symbol("BBB/USD", AssetClass.Crypto), Start.AddMinutes(500), 22_000, seed: 2),
            Write(temp, "CCC-USD.parquet", new Symbol("CCC/USD", AssetClass.Crypto), Start.AddMinutes(-300), 45_000, seed: 3),
        ];
        foreach (var file in files) new FileInfo(file).Length.ShouldBeGreaterThan(ColumnarBarCache.DefaultMinimumBytes, file);
        return files;
    }

    private static string Write(TempFolder temp, string name, Symbol symbol, DateTime start, int count, int seed)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            price = Math.Round(price * (1 + (random.NextDouble() - 0.5) * 0.004), 4);
            var high = Math.Round(Math.Max(open, price) * (1 + random.NextDouble() * 0.001), 4);
            var low = Math.Round(Math.Min(open, price) * (1 - random.NextDouble() * 0.001), 4);
            bars[i] = new Bar(start.AddMinutes(i), open, high, low, price, Math.Round(random.NextDouble() * 1000, 3));
        }
        var path = Path.Combine(temp.Path, name);
        var series = new BarSeries(symbol, Timeframe.OneMinute, bars);
        if (name.EndsWith(".parquet", StringComparison.Ordinal)) ParquetBars.Write(path, series);
        else BarCsvWriter.Write(path, series);
        // The cache keeps only files that have settled (not written within the last seconds).
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        return path;
    }

    private static readonly string[] Run =
        ["backtest", "--strategy", "sma-crossover:fast=10,slow=30;rsi", "--sizing", "percent:20", "--fill", "next-open",
         "--slippage", "percent:0.05", "--commission", "percent:0.1", "--json"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Several_files_stream_to_the_result_and_files_of_loading_them_whole(bool cache)
    {
        using var temp = new TempFolder();
        var files = Universe(temp);
        var cacheDir = Path.Combine(temp.Path, "cache");
        var env = new Dictionary<string, string?> { ["KEEL_CACHE_DIR"] = cache ? cacheDir : "off" };
        string[] args = [.. Run, "--data", .. files, "--from", "2024-03-05T10:00", "--to", "2024-03-15T23:30"];

        var expected = Loaded(args, Path.Combine(temp.Path, "expected"));
        expected.ShouldContain("\"bars\": ");
        var first = KeelCli.Run(temp.Path, env, [.. args, "--out", Path.Combine(temp.Path, "streamed")]);
        first.ExitCode.ShouldBe(0, first.Stderr);
        Fields(first.Stdout).ShouldBe(Fields(expected));
        Fields(first.Stdout)["closed_trades"].ShouldNotBe("0");
        Fields(first.Stdout)["bars"].ShouldNotBe(Fields(Loaded([.. Run, "--data", .. files], null))["bars"]); // the range cut something
        foreach (var name in new[] { "trades.csv", "orders.csv", "equity.csv", "summary.csv", PriceCsv.FileName })
            File.ReadAllText(Path.Combine(temp.Path, "streamed", name)).ShouldBe(File.ReadAllText(Path.Combine(temp.Path, "expected", name)), name);

        if (cache)
        {
            Directory.GetFiles(cacheDir, "*.bars").Length.ShouldBe(files.Length);
            // The second run reads every file from the cache a window at a time: still the same result.
            var second = KeelCli.Run(temp.Path, env, args);
            second.ExitCode.ShouldBe(0, second.Stderr);
            Fields(second.Stdout).ShouldBe(Fields(expected));
        }
    }

    [Fact]
    public void Without_a_range_the_whole_files_stream_to_the_loaded_result()
    {
        using var temp = new TempFolder();
        var files = Universe(temp);
        string[] args = [.. Run, "--data", .. files, "--symbol", "AAA/USD,BBB/USD,CCC/USD"];
        var streamed = KeelCli.Run(temp.Path, new Dictionary<string, string?> { ["KEEL_CACHE_DIR"] = Path.Combine(temp.Path, "cache") }, args);
        streamed.ExitCode.ShouldBe(0, streamed.Stderr);
        Fields(streamed.Stdout).ShouldBe(Fields(Loaded(args, null)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bad_row_deep_in_the_second_file_is_one_line_naming_the_file_and_line_and_exit_2(bool cache)
    {
        using var temp = new TempFolder();
        var files = Universe(temp);
        var lines = File.ReadAllLines(files[1]);
        lines[15_000] = lines[15_000].Replace(",", ",x", StringComparison.Ordinal);
        File.WriteAllLines(files[1], lines);
        File.SetLastWriteTimeUtc(files[1], DateTime.UtcNow.AddHours(-1));

        var env = new Dictionary<string, string?> { ["KEEL_CACHE_DIR"] = cache ? Path.Combine(temp.Path, "cache") : "off" };
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, env, [.. Run, "--data", .. files]);
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldStartWith($"error: {files[1]}:15001:");
        stderr.Trim().ShouldNotContain("\n");
        stderr.ShouldNotContain("Exception");
    }

    /// <summary>Without the cache a Parquet file streams a row group at a time: a bad bar in its second group fails mid-run, as a whole read reports it.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_bad_bar_deep_in_a_parquet_file_is_one_line_naming_the_file_and_row_and_exit_2(bool cache)
    {
        using var temp = new TempFolder();
        var files = Universe(temp);
        var bad = Path.Combine(temp.Path, "DDD-USD.parquet");
        await WriteParquetWithABadBar(bad, rows: 70_000, badRow: 68_000);
        var whole = Should.Throw<BarDataException>(() => ParquetBars.Read(bad));
        whole.Message.ShouldContain("68");

        var env = new Dictionary<string, string?> { ["KEEL_CACHE_DIR"] = cache ? Path.Combine(temp.Path, "cache") : "off" };
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, env, [.. Run, "--data", files[0], bad, files[2]]);
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe($"error: {whole.Message}");
    }

    private static async Task WriteParquetWithABadBar(string path, int rows, int badRow)
    {
        var time = new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Nanos, isNullable: false);
        var fields = new[] { "open", "high", "low", "close", "volume" }.Select(name => new DataField<double>(name)).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema([time, .. fields]), stream);
        for (var start = 0; start < rows; start += 1 << 16)
        {
            var count = Math.Min(1 << 16, rows - start);
            var index = Enumerable.Range(start, count).ToArray();
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>(time, index.Select(i => Start.AddMinutes(i)).ToArray());
            await group.WriteAsync<double>(fields[0], index.Select(i => 100.0 + i % 7).ToArray());
            // The bad bar's high is below its low.
            await group.WriteAsync<double>(fields[1], index.Select(i => i == badRow ? 90.0 : 108.0).ToArray());
            await group.WriteAsync<double>(fields[2], index.Select(_ => 99.0).ToArray());
            await group.WriteAsync<double>(fields[3], index.Select(i => 100.0 + i % 5).ToArray());
            await group.WriteAsync<double>(fields[4], index.Select(_ => 10.0).ToArray());
        }
    }

    [Fact]
    public void A_file_with_no_bar_in_the_range_is_the_loaded_run_s_usage_error()
    {
        using var temp = new TempFolder();
        var files = Universe(temp);
        // AAA ends on 2024-03-17 at 15:59, BBB on 2024-03-16 at 14:59, CCC on 2024-04-01: from the 17th, BBB has none.
        string[] args = [.. Run, "--data", .. files, "--from", "2024-03-17"];
        var (code, _, stderr) = KeelCli.Run(temp.Path, new Dictionary<string, string?> { ["KEEL_CACHE_DIR"] = Path.Combine(temp.Path, "cache") }, args);
        code.ShouldBe(2);
        var loaded = Should.Throw<UsageException>(() => Loaded(args, null));
        stderr.Trim().ShouldBe($"error: {loaded.Message}");
        stderr.ShouldContain("BBB/USD has no bars between 2024-03-17 and the end");
    }

    /// <summary>
    /// The command as it ran before it streamed: every series loaded whole (no cache), the strategies and the benchmark
    /// run on them in memory; the JSON it printed, and its files written to <paramref name="folder"/> when given.
    /// </summary>
    private static string Loaded(string[] args, string? folder)
    {
        var data = new DataOptions { Cache = () => null };
        var options = new BacktestOptions();
        var strategy = new Option<string>("--strategy");
        var command = new Command("backtest") { strategy, new Option<bool>("--json") };
        data.AddTo(command);
        options.AddTo(command);
        var parse = command.Parse(args[1..]);
        parse.Errors.ShouldBeEmpty();
        var specs = StrategyText.ParseList(parse.GetValue(strategy)!);
        var loaded = data.LoadWithWarmUp(parse, TextWriter.Null);
        var keep = folder is not null;
        var settings = options.Settings(parse) with { TradeFrom = loaded.From, KeepTrades = keep, KeepJournal = keep, KeepEquityCurve = keep };
        var result = Backtester.Run(settings, loaded.Series, specs);
        var benchmark = Benchmark.BuyAndHold(settings, loaded.Series);
        if (folder is not null) BacktestCommand.WriteFiles(folder, result, new RunContext(loaded, benchmark), specs);
        using var stream = new MemoryStream();
        JsonOutput.Write(stream, BacktestJson.Of(result, benchmark, loaded.AssetClassSource, loaded.From, loaded.To, 0, 0, StrategySourcesJson.Of(specs)),
            ReportJson.Default.BacktestJson);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Dictionary<string, string> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("elapsed_ms" or "load_ms"))
            .ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }
}
