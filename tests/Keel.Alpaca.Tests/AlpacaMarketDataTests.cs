using Keel.Core.Domain;

namespace Keel.Alpaca.Tests;

/// <summary>The engine's market-data port on Alpaca, over HTTP against the sim serving bar files.</summary>
public sealed class AlpacaMarketDataTests : SimTestBase, IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"keel-md-{Guid.NewGuid():N}");

    private protected override void ConfigureSim(Keel.AlpacaSim.SimOptions options)
    {
        Directory.CreateDirectory(Path.Combine(_dataDir, "1Day"));
        File.WriteAllLines(Path.Combine(_dataDir, "1Day", "AAPL.csv"),
        [
            "timestamp,open,high,low,close,volume",
            "2023-12-11T05:00:00Z,100,102,99,101.25,1000",
            "2023-12-12T05:00:00Z,101,103,100,102.25,1001",
            "2023-12-13T05:00:00Z,102,104,101,103.25,1002",
        ]);
        File.WriteAllLines(Path.Combine(_dataDir, "1Day", "BTC-USD.csv"),
        [
            "timestamp,open,high,low,close,volume",
            "2023-12-11T00:00:00Z,42000,42500,41500,42100.5,1.5",
            "2023-12-12T00:00:00Z,42100.5,43000,42000,42900,2.25",
        ]);
        options.DataDirectory = _dataDir;
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Stock_bars_come_back_as_validated_keel_bars_within_the_range()
    {
        var data = new AlpacaMarketData(Client);
        var series = await data.GetBarsAsync(Symbol.Parse("AAPL"), Timeframe.OneDay,
            new DateTime(2023, 12, 12, 0, 0, 0, DateTimeKind.Utc), new DateTime(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        series.Count.ShouldBe(2);
        series[0].Timestamp.ShouldBe(new DateTime(2023, 12, 12, 5, 0, 0, DateTimeKind.Utc));
        series[0].Close.ShouldBe(102.25);
        series[1].Volume.ShouldBe(1002);
    }

    [Fact]
    public async Task Crypto_bars_use_the_pair_form()
    {
        var series = await new AlpacaMarketData(Client).GetBarsAsync(Symbol.Parse("BTC/USD"), Timeframe.OneDay,
            new DateTime(2023, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        series.Count.ShouldBe(2);
        series[1].Open.ShouldBe(42100.5);
        series[0].Volume.ShouldBe(1.5);
    }

    [Fact]
    public async Task Latest_quotes_for_stocks_and_crypto_are_exact()
    {
        var data = new AlpacaMarketData(Client);
        var aapl = await data.GetLatestQuoteAsync(Symbol.Parse("AAPL"));
        (aapl.BidPrice, aapl.AskPrice).ShouldBe((100.00m, 100.02m));
        var btc = await data.GetLatestQuoteAsync(Symbol.Parse("BTC/USD"));
        (btc.BidPrice, btc.AskPrice, btc.BidSize, btc.AskSize).ShouldBe((42000m, 42010m, 1.5m, 2m));
        btc.Symbol.ShouldBe(Symbol.Parse("BTC/USD"));
    }
}
