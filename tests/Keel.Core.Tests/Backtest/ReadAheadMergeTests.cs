using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.MarketData;

namespace Keel.Core.Tests.Backtest;

/// <summary>
/// The read-ahead merge hands each chunk over prepared (its indicators computed) whichever thread prepared it:
/// every chunk once, in the merge's order, before the replay sees it; a preparation that fails is met by the replay
/// at that chunk, after the chunks before it.
/// </summary>
public sealed class ReadAheadMergeTests
{
    private const int ChunkBars = 256;

    [Fact]
    public void Each_chunk_is_prepared_once_in_order_before_it_is_handed_out()
    {
        var prepared = new List<(long FirstTicks, int Count)>();
        var handedOut = new List<(long FirstTicks, int Count)>();
        using (var ahead = new ReadAheadMerge(Merge(), ChunkBars, bars =>
        {
            lock (prepared) prepared.Add((bars.IsEmpty ? 0 : bars[0].Bar.Timestamp.Ticks, bars.Length));
        }))
        {
            for (var (chunk, count) = ahead.Next(); count > 0; (chunk, count) = ahead.Next())
            {
                lock (prepared) prepared.Count.ShouldBeGreaterThan(handedOut.Count, "a chunk was handed out before it was prepared");
                handedOut.Add((chunk[0].Bar.Timestamp.Ticks, count));
                ahead.Return(chunk);
            }
        }

        handedOut.Sum(c => c.Count).ShouldBe(2 * 20_000);
        prepared.Where(c => c.Count > 0).ShouldBe(handedOut); // the end of the merge is an empty chunk, prepared or not
    }

    /// <summary>
    /// The fifth chunk's preparation fails on the reading thread while the replay holds the third (the replay waits
    /// for it): the replay still gets the third and fourth chunks, and meets the failure at the fifth.
    /// </summary>
    [Fact]
    public void A_failing_preparation_is_thrown_when_the_replay_reaches_that_chunk()
    {
        var preparations = 0;
        using var failed = new ManualResetEventSlim();
        using var ahead = new ReadAheadMerge(Merge(), ChunkBars, _ =>
        {
            if (Interlocked.Increment(ref preparations) < 5) return;
            failed.Set();
            throw new InvalidOperationException("boom");
        });
        var handedOut = 0;

        var failure = Should.Throw<InvalidOperationException>(() =>
        {
            for (var (chunk, count) = ahead.Next(); count > 0; (chunk, count) = ahead.Next())
            {
                if (++handedOut == 3) failed.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue("the reading thread never prepared ahead");
                ahead.Return(chunk);
            }
        });

        failure.Message.ShouldBe("boom");
        handedOut.ShouldBe(4);
    }

    private static TimeMerge Merge()
    {
        IBarStream[] streams = [new BarSeriesStream(Hourly("ACME", 20_000)), new BarSeriesStream(Hourly("BETA", 20_000))];
        return new TimeMerge(streams, ChunkBars);
    }

    private static BarSeries Hourly(string symbol, int count)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var bars = new Bar[count];
        for (var i = 0; i < count; i++) bars[i] = new Bar(start.AddHours(i), 100, 110, 90, 100 + i % 7, 1000);
        return new BarSeries(Symbol.Parse(symbol), Timeframe.OneHour, bars);
    }
}
