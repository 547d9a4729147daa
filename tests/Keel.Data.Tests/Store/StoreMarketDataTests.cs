using Keel.Core.Domain;
using Keel.Data.Store;

namespace Keel.Data.Tests.Store;

public class StoreMarketDataTests
{
    [Fact]
    public async Task Bars_are_filtered_to_the_range_and_the_quote_is_the_last_close()
    {
        var root = Directory.CreateTempSubdirectory("keel-md-").FullName;
        try
        {
            var t0 = new DateTime(2024, 1, 2, 5, 0, 0, DateTimeKind.Utc);
            var store = new LocalBarStore(root);
            store.Save(new BarSeries(Symbol.Parse("SPY"), Timeframe.OneDay,
                Enumerable.Range(0, 5).Select(i => new Bar(t0.AddDays(i), 10 + i, 11 + i, 9 + i, 10.5 + i, 100)).ToArray()));
            var data = new StoreMarketData(store, Timeframe.OneDay);

            var bars = await data.GetBarsAsync(Symbol.Parse("SPY"), Timeframe.OneDay, t0.AddDays(1), t0.AddDays(3));
            bars.Span.ToArray().Select(b => b.Close).ShouldBe([11.5, 12.5, 13.5]);

            var quote = await data.GetLatestQuoteAsync(Symbol.Parse("SPY"));
            (quote.BidPrice, quote.AskPrice, quote.Timestamp).ShouldBe((14.5m, 14.5m, t0.AddDays(4)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
