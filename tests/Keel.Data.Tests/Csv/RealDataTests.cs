using Keel.Core.Domain;
using Keel.Data.Csv;
using Xunit.Abstractions;

namespace Keel.Data.Tests.Csv;

/// <summary>Loads every file of the shared real-data folder; skipped when the folder is absent.</summary>
public class RealDataTests(ITestOutputHelper output)
{
    private const string MalformedFile = "2006-01-02-volume-min-001.txt";

    [SharedDataFact]
    public void Every_real_file_loads_except_the_known_malformed_one()
    {
        var files = Directory.GetFiles(SharedDataFactAttribute.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        files.ShouldNotBeEmpty();

        foreach (var file in files)
        {
            var name = Path.GetRelativePath(SharedDataFactAttribute.Root, file);
            // backtrader's files are named by date (2006-min-005.txt): no ticker in the name, so the symbol must be given.
            BarCsvOptions? options = null;
            if (char.IsAsciiDigit(Path.GetFileName(file)[0]))
            {
                Should.Throw<BarDataException>(() => BarCsvReader.Load(file)).Message.ShouldContain("give it with --symbol");
                options = new BarCsvOptions { Symbol = new Symbol("TEST", AssetClass.UsEquity) };
            }
            if (Path.GetFileName(file) == MalformedFile)
            {
                var ex = Should.Throw<BarDataException>(() => BarCsvReader.Load(file, options));
                ex.LineNumber.ShouldBe(2);
                ex.Reason.ShouldContain("the header may be missing a Time column");
                output.WriteLine($"FAIL {name}: {ex.Message}");
                continue;
            }
            var result = BarCsvReader.Load(file, options);
            var series = result.Series;
            series.Count.ShouldBeGreaterThan(0, name);
            result.SkippedRows.ShouldBeEmpty();
            output.WriteLine($"OK   {name}: {result.Layout} {series.Symbol} {series.Timeframe} {series.Count} bars {series[0].Timestamp:yyyy-MM-ddTHH:mm}Z .. {series[series.Count - 1].Timestamp:yyyy-MM-ddTHH:mm}Z");
        }
    }

    [SharedDataFact]
    public void Lean_daily_bars_are_stamped_at_new_york_midnight_and_the_rth_minute_file_starts_at_the_open()
    {
        var daily = BarCsvReader.Load(Path.Combine(SharedDataFactAttribute.Root, "lean", "spy_daily_raw.csv")).Series;
        daily.Timeframe.ShouldBe(Timeframe.OneDay);
        daily[0].Timestamp.ShouldBe(new DateTime(1998, 1, 2, 5, 0, 0, DateTimeKind.Utc));

        var minutes = BarCsvReader.Load(Path.Combine(SharedDataFactAttribute.Root, "lean", "spy_minute_20131004_20131011_rth.csv")).Series;
        minutes.Timeframe.ShouldBe(Timeframe.OneMinute);
        minutes[0].Timestamp.ShouldBe(new DateTime(2013, 10, 4, 13, 30, 0, DateTimeKind.Utc)); // 09:30 EDT
        minutes.Count.ShouldBe(2340);
    }
}
