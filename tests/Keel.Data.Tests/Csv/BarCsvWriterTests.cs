using Keel.Core.Domain;
using Keel.Data.Csv;

namespace Keel.Data.Tests.Csv;

public class BarCsvWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_the_canonical_layout()
    {
        var t = new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);
        var series = new BarSeries(Symbol.Parse("SPY"), Timeframe.OneMinute, [new Bar(t, 10, 11.25, 9.5, 10.1, 1200), new Bar(t.AddMinutes(1), 10.1, 10.2, 10, 10.2, 0)]);
        var path = _dir.Combine("SPY.csv");

        BarCsvWriter.Write(path, series);

        File.ReadAllText(path).ShouldBe("""
            timestamp,open,high,low,close,volume
            2024-01-02T14:30:00Z,10,11.25,9.5,10.1,1200
            2024-01-02T14:31:00Z,10.1,10.2,10,10.2,0

            """.Replace("\r\n", "\n"));
        Directory.GetFiles(_dir.Path).ShouldBe([path]); // no temporary file left behind
    }

    [Fact]
    public void Writing_then_loading_gives_the_same_bars()
    {
        // Awkward doubles (0.1 + 0.2, many digits, tiny and huge) must survive the text round trip.
        var random = new Random(7);
        var t = new DateTime(2020, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var bars = new Bar[5000];
        var price = 0.1 + 0.2;
        for (var i = 0; i < bars.Length; i++)
        {
            price *= Math.Exp(random.NextDouble() * 0.02 - 0.01);
            var high = price * (1 + random.NextDouble() / 100);
            var low = price / (1 + random.NextDouble() / 100);
            bars[i] = new Bar(t.AddMinutes(i).AddTicks(i % 7 == 0 ? 1234 : 0), price, high, low, (high + low) / 2, random.NextDouble() * 1e9);
        }
        var series = new BarSeries(Symbol.Parse("BTC/USD"), Timeframe.OneMinute, bars);
        var path = _dir.Combine("bars", "BTC-USD.csv");

        BarCsvWriter.Write(path, series);
        var loaded = BarCsvReader.Load(path, new BarCsvOptions { Symbol = series.Symbol, Timeframe = series.Timeframe });

        loaded.Layout.ShouldBe(CsvLayout.Keel);
        loaded.Series.Symbol.ShouldBe(series.Symbol);
        loaded.Series.Span.SequenceEqual(series.Span).ShouldBeTrue();
    }
}
