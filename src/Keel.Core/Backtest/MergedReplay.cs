using Keel.Core.Domain;
using Keel.Core.Indicators;
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

    /// <summary>
    /// The most bars of one stream in a chunk: twice its share of a chunk, at least 512. A stream's indicator rings
    /// hold that many bars for each chunk in flight, so a universe's rings stay small enough for the caches.
    /// </summary>
    private static int StreamBarsPerChunk(int streams) => Math.Clamp(2 * ChunkBars / streams, 512, ChunkBars);

    /// <summary>
    /// The most bars of one of <paramref name="streams"/> streams computed ahead of the replay: those of the chunk
    /// under way and of the chunks the read-ahead may prepare past it.
    /// </summary>
    private static int BarsAhead(int streams) => (ReadAheadMerge.PreparedAhead + 1) * StreamBarsPerChunk(streams);

    /// <summary>Empty indicators for each of <paramref name="streams"/>, their rings sized for this replay's chunks.</summary>
    public static StreamedIndicators[] IndicatorsFor(IReadOnlyList<IBarStream> streams) =>
        [.. streams.Select(_ => new StreamedIndicators(BarsAhead(streams.Count)))];

    /// <param name="indicators">
    /// Each stream's indicators (null where no strategy reads cached indicators), computed a chunk at a time before
    /// the chunk is replayed: by the reading thread when it is ahead, else on the replay's thread
    /// (<see cref="ReadAheadMerge"/>). A symbol whose strategies are sure to hold through the bars computed ahead, and
    /// which has no order working, is fast-forwarded through them: its bars only move its mark.
    /// </param>
    /// <returns>The bars traded on and the warm-up bars before <paramref name="from"/> (all symbols).</returns>
    public static (long Bars, long WarmUp) Run(IReadOnlyList<IBarStream> streams, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from,
        bool readAhead = false, StreamedIndicators?[]? indicators = null)
    {
        var replay = new Replay(streams.Select(s => s.Symbol).ToArray(), broker, kernel, equity, from.Ticks, indicators);
        var merge = new TimeMerge(streams, StreamBarsPerChunk(streams.Count));
        ChunkPreparation? compute = indicators is null ? null : new ChunkIndicators(indicators).Compute;
        if (readAhead)
        {
            using var ahead = new ReadAheadMerge(merge, ChunkBars, compute);
            for (var (chunk, count) = ahead.Next(); count > 0; (chunk, count) = ahead.Next())
            {
                replay.Apply(chunk.AsSpan(0, count));
                ahead.Return(chunk);
            }
        }
        else
        {
            var chunk = new MergedBar[ChunkBars];
            for (var count = merge.Fill(chunk); count > 0; count = merge.Fill(chunk))
            {
                compute?.Invoke(chunk.AsSpan(0, count));
                replay.Apply(chunk.AsSpan(0, count));
            }
        }
        return replay.Finish();
    }

    /// <summary>
    /// Computes a chunk's indicators stream by stream (each stream's bars in their order), so one stream's indicator
    /// state stays in the core's nearest cache through its run of bars instead of being fetched again at every bar.
    /// </summary>
    private sealed class ChunkIndicators(StreamedIndicators?[] indicators)
    {
        private readonly int[] _start = new int[indicators.Length + 1];
        private int[] _order = [];

        public void Compute(ReadOnlySpan<MergedBar> bars)
        {
            var start = _start;
            Array.Clear(start);
            foreach (ref readonly var merged in bars) start[merged.Stream + 1]++;
            for (var s = 1; s < start.Length; s++) start[s] += start[s - 1];
            if (_order.Length < bars.Length) _order = new int[bars.Length];
            for (var i = 0; i < bars.Length; i++) _order[start[bars[i].Stream]++] = i;
            // start[s] is now where stream s's bars end in _order, and where stream s + 1's begin.
            for (int s = 0, from = 0; s < indicators.Length; from = start[s++])
            {
                if (indicators[s] is not { } computed) continue;
                for (var k = from; k < start[s]; k++) computed.Add(in bars[_order[k]].Bar);
            }
        }
    }

    /// <summary>The replay's state from one chunk to the next: the timestamp under way and the counts.</summary>
    private sealed class Replay(Symbol[] symbols, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, long fromTicks, StreamedIndicators?[]? indicators)
    {
        private long _time = long.MinValue;
        private bool _warming;
        private long _count;
        private long _warmUp;
        private readonly long[] _seen = new long[symbols.Length];  // bars of each stream replayed so far
        private readonly int[] _quiet = new int[symbols.Length];   // bars of each stream still to pass with a mark only
        private readonly int[] _marked = new int[symbols.Length];  // each fast-forwarded stream's index in the portfolio

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
                    _count++;
                    if (_quiet[merged.Stream] > 0)
                    {
                        _quiet[merged.Stream]--;
                        kernel.Mark(_marked[merged.Stream], bar);
                    }
                    else
                    {
                        broker.OnBar(symbol, bar);
                        if (!FastForward(merged.Stream, symbol, bar)) kernel.OnBar(symbol, bar);
                    }
                }
                _seen[merged.Stream]++;
            }
        }

        /// <summary>
        /// As <see cref="FastReplay"/> does for one series: when no order of the symbol's is working and its
        /// strategies are sure to hold through this bar and the next ones computed ahead, they move past those bars
        /// unseen, and each only marks the symbol. The newest bar computed is left out: it may be the stream's last,
        /// which is always replayed in full (end-of-run orders are priced from it).
        /// </summary>
        private bool FastForward(int stream, Symbol symbol, in Bar bar)
        {
            if (indicators?[stream] is not { } computed || broker.HasWorkingOrdersFor(symbol)) return false;
            var quiet = kernel.QuietBarsAhead(symbol, computed.Ahead(_seen[stream]) - 1);
            if (quiet == 0) return false;
            kernel.FastForward(symbol, quiet);
            _marked[stream] = kernel.Portfolio.IndexOf(symbol);
            kernel.Mark(_marked[stream], bar);
            _quiet[stream] = quiet - 1;
            return true;
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
