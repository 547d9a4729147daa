using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.MarketData;

namespace Keel.Core.Backtest;

/// <summary>
/// Several symbols replayed as one stream of time (<see cref="TimeMerge"/>): at each timestamp, each symbol's bar
/// goes to the broker and then the kernel, in the order the streams were given; then equity is recorded once.
/// Holds one bar per symbol and a few chunks of merged bars, never a series. With <c>readAhead</c> the merge
/// runs on another core (<see cref="ReadAheadMerge"/>): for a universe read from disk, not for a sweep's trials,
/// which already fill the cores.
/// </summary>
internal static class MergedReplay
{
    private const int ChunkBars = 4096;

    /// <returns>The bars traded on and the warm-up bars before <paramref name="from"/> (all symbols).</returns>
    public static (long Bars, long WarmUp) Run(IReadOnlyList<IBarStream> streams, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from,
        bool readAhead = false)
    {
        var replay = new Replay(streams.Select(s => s.Symbol).ToArray(), broker, kernel, equity, from.Ticks);
        var merge = new TimeMerge(streams);
        if (readAhead)
        {
            using var ahead = new ReadAheadMerge(merge, ChunkBars);
            for (var (chunk, count) = ahead.Next(); count > 0; (chunk, count) = ahead.Next())
            {
                replay.Apply(chunk.AsSpan(0, count));
                ahead.Return(chunk);
            }
        }
        else
        {
            var chunk = new MergedBar[ChunkBars];
            for (var count = merge.Fill(chunk); count > 0; count = merge.Fill(chunk)) replay.Apply(chunk.AsSpan(0, count));
        }
        return replay.Finish();
    }

    /// <summary>The replay's state from one chunk to the next: the timestamp under way and the counts.</summary>
    private sealed class Replay(Symbol[] symbols, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, long fromTicks)
    {
        private long _time = long.MinValue;
        private bool _warming;
        private long _count;
        private long _warmUp;

        public void Apply(ReadOnlySpan<MergedBar> bars)
        {
            foreach (ref readonly var merged in bars)
            {
                ref readonly var bar = ref merged.Bar;
                if (bar.Timestamp.Ticks != _time)
                {
                    EndTimestamp();
                    _time = bar.Timestamp.Ticks;
                    _warming = _time < fromTicks;
                }
                var symbol = symbols[merged.Stream];
                if (_warming)
                {
                    kernel.WarmUp(symbol, bar);
                    _warmUp++;
                }
                else
                {
                    broker.OnBar(symbol, bar);
                    kernel.OnBar(symbol, bar);
                    _count++;
                }
            }
        }

        public (long Bars, long WarmUp) Finish()
        {
            EndTimestamp();
            return (_count, _warmUp);
        }

        /// <summary>After every bar of a traded timestamp: the account's value then.</summary>
        private void EndTimestamp()
        {
            if (_time != long.MinValue && !_warming) equity.Record(kernel.Valuation(new DateTime(_time, DateTimeKind.Utc)));
        }
    }
}
