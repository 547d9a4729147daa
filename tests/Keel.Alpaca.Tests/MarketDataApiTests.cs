using Keel.Alpaca.Models;
using Keel.Core.Domain;

namespace Keel.Alpaca.Tests;

/// <summary>Bars and latest quotes, stock and crypto, against the sim; bars come from canonical CSV files on disk.</summary>
public sealed class MarketDataApiTests : SimTestBase, IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"keel-sim-bars-{Guid.NewGuid():N}");

    private protected override void ConfigureSim(Keel.AlpacaSim.SimOptions options)
    {
        Directory.CreateDirectory(Path.Combine(_dataDir, "1Day"));
        Directory.CreateDirectory(Path.Combine(_dataDir, "1Hour"));
        WriteDaily("AAPL", 100m, 10);
        WriteDaily("MSFT", 300m, 10);
        var lines = new List<string> { "timestamp,open,high,low,close,volume" };
        for (var h = 0; h < 6; h++)
            lines.Add($"2024-01-02T{h:00}:00:00Z,{42000 + h},{42100 + h},{41900 + h},{42050.5m + h},{0.5m + h / 10m}");
        File.WriteAllLines(Path.Combine(_dataDir, "1Hour", "BTC-USD.csv"), lines);
        options.DataDirectory = _dataDir;
    }

    private void WriteDaily(string symbol, decimal start, int days)
    {
        var lines = new List<string> { "timestamp,open,high,low,close,volume" };
        for (var d = 0; d < days; d++)
        {
            var open = start + d;
            lines.Add($"2023-12-{11 + d:00}T05:00:00Z,{open},{open + 2},{open - 1},{open + 1.25m},{1000 + d}");
        }
        File.WriteAllLines(Path.Combine(_dataDir, "1Day", $"{symbol}.csv"), lines);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }

    private static AlpacaBarsRequest Daily(int? limit = null) => new()
    {
        Timeframe = Timeframe.OneDay,
        Start = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero),
        Limit = limit,
        Adjustment = "raw",
        Feed = "iex",
    };

    [Fact]
    public async Task Single_stock_bars_follow_next_page_token_to_the_end()
    {
        var bars = await Client.GetStockBarsAsync("AAPL", Daily(limit: 4));
        bars.Count.ShouldBe(10);
        bars.Select(b => b.Timestamp).ShouldBeInOrder(SortDirection.Ascending);
        bars[0].Open.ShouldBe(100m);
        bars[0].Close.ShouldBe(101.25m);
        bars[9].Volume.ShouldBe(1009m);
        H.Sim.Requests.All().Count(r => r.Path == "/v2/stocks/AAPL/bars").ShouldBe(3);
    }

    [Fact]
    public async Task One_page_carries_an_opaque_token_and_the_last_page_none()
    {
        var first = await Client.GetStockBarsPageAsync("AAPL", Daily(limit: 6));
        first.Symbol.ShouldBe("AAPL");
        first.Bars!.Count.ShouldBe(6);
        first.NextPageToken.ShouldNotBeNullOrEmpty();
        var second = await Client.GetStockBarsPageAsync("AAPL", Daily(limit: 6), first.NextPageToken);
        second.Bars!.Count.ShouldBe(4);
        second.NextPageToken.ShouldBeNull();
    }

    [Fact]
    public async Task Multi_symbol_limit_counts_across_symbols_and_pages_merge_per_symbol()
    {
        var bars = await Client.GetStockBarsAsync(["MSFT", "AAPL", "NODATA"], Daily(limit: 7));
        bars.Keys.ShouldBe(["AAPL", "MSFT"], ignoreOrder: true); // symbols without data are left out
        bars["AAPL"].Count.ShouldBe(10);
        bars["MSFT"].Count.ShouldBe(10);
        bars["MSFT"][0].Open.ShouldBe(300m);
        H.Sim.Requests.All().Count(r => r.Path == "/v2/stocks/bars").ShouldBe(3); // 20 bars, 7 a page
    }

    [Fact]
    public async Task Multi_symbol_pages_can_be_walked_by_the_caller()
    {
        var first = await Client.GetMultiBarsPageAsync(crypto: false, ["AAPL", "MSFT"], Daily(limit: 12));
        first.Bars!["AAPL"].Count.ShouldBe(10);
        first.Bars["MSFT"].Count.ShouldBe(2);
        var second = await Client.GetMultiBarsPageAsync(crypto: false, ["AAPL", "MSFT"], Daily(limit: 12), first.NextPageToken);
        second.Bars!.Keys.ShouldBe(["MSFT"]);
        second.Bars["MSFT"].Count.ShouldBe(8);
        second.NextPageToken.ShouldBeNull();
    }

    [Fact]
    public async Task Crypto_bars_use_v1beta3_with_the_slashed_pair()
    {
        var request = new AlpacaBarsRequest
        {
            Timeframe = Timeframe.OneHour,
            Start = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2024, 1, 2, 3, 0, 0, TimeSpan.Zero),
        };
        var bars = await Client.GetCryptoBarsAsync(["BTC/USD"], request);
        var btc = bars["BTC/USD"];
        btc.Count.ShouldBe(4);
        btc[1].Close.ShouldBe(42051.5m);
        btc[3].Volume.ShouldBe(0.8m);
        H.Sim.Requests.All().ShouldContain(r => r.Path == "/v1beta3/crypto/us/bars" && r.Query.Contains("symbols=BTC%2FUSD"));
    }

    [Fact]
    public async Task Crypto_data_refuses_pairs_without_slash()
    {
        var error = await Should.ThrowAsync<AlpacaApiException>(() =>
            Client.GetCryptoBarsAsync(["BTCUSD"], new AlpacaBarsRequest { Timeframe = Timeframe.OneHour }));
        ((int)error.HttpStatus).ShouldBe(400);
        error.ApiMessage.ShouldContain("does not match");
    }

    [Fact]
    public async Task Descending_sort_returns_newest_first()
    {
        var page = await Client.GetStockBarsPageAsync("AAPL", Daily() with { Sort = AlpacaSortDirection.Desc });
        page.Bars!.Select(b => b.Timestamp).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Invalid_timeframe_or_feed_is_a_400_with_a_message()
    {
        var error = await Should.ThrowAsync<AlpacaApiException>(() => Client.GetStockBarsPageAsync("AAPL", Daily() with { Feed = "nasdaq" }));
        ((int)error.HttpStatus).ShouldBe(400);
        error.ApiMessage.ShouldContain("feed");
    }

    [Fact]
    public async Task Latest_stock_quotes_single_and_multi()
    {
        var quote = (await Client.GetLatestStockQuoteAsync("AAPL", feed: "iex")).ShouldNotBeNull();
        quote.BidPrice.ShouldBe(100.00m);
        quote.AskPrice.ShouldBe(100.02m);
        quote.Tape.ShouldBe("C");

        var many = await Client.GetLatestStockQuotesAsync(["AAPL", "MSFT", "NOPE"]);
        many.Keys.ShouldBe(["AAPL", "MSFT"], ignoreOrder: true); // MSFT from its last daily bar, NOPE absent
        many["MSFT"].BidPrice.ShouldBeLessThan(many["MSFT"].AskPrice);
        many["MSFT"].AskPrice.ShouldBe(Math.Round(310.25m * 1.0005m, 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public async Task Latest_crypto_quotes_are_keyed_by_pair()
    {
        var quotes = await Client.GetLatestCryptoQuotesAsync(["BTC/USD"]);
        var btc = quotes["BTC/USD"];
        btc.BidPrice.ShouldBe(42000m);
        btc.AskPrice.ShouldBe(42010m);
        btc.BidSize.ShouldBe(1.5m);
        btc.AskExchange.ShouldBeNull();
    }
}
