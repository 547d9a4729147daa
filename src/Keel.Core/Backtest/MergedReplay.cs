using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.MarketData;

namespace Keel.Core.Backtest;

/// <summary>
/// Several symbols replayed as one stream of time: at each timestamp, each symbol's bar goes to the broker and
/// then the kernel, in the order the streams were given; then equity is recorded once. Holds one bar per
/// symbol, never a series.
/// </summary>
internal static class MergedReplay
{
    /// <returns>The bars traded on and the warm-up bars before <paramref name="from"/> (all symbols).</returns>
    public static (long Bars, long WarmUp) Run(IReadOnlyList<IBarStream> streams, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from)
    {
        // Each stream's next bar is read where the stream holds it; only its time is kept here (a small array
        // that the scan for the next timestamp reads at every step). An ended stream's time is past any bar's.
        var heads = new long[streams.Count];
        var symbols = new Symbol[streams.Count];
        for (var s = 0; s < streams.Count; s++)
        {
            symbols[s] = streams[s].Symbol;
            heads[s] = streams[s].MoveNext() ? streams[s].Current.Timestamp.Ticks : long.MaxValue;
        }
        var fromTicks = from.Ticks;
        long count = 0, warmUp = 0;
        while (true)
        {
            var time = long.MaxValue;
            foreach (var head in heads) time = Math.Min(time, head);
            if (time == long.MaxValue) return (count, warmUp);
            var warming = time < fromTicks;
            for (var s = 0; s < heads.Length; s++)
            {
                if (heads[s] != time) continue;
                var stream = streams[s];
                ref readonly var bar = ref stream.Current;
                if (warming)
                {
                    kernel.WarmUp(symbols[s], bar);
                    warmUp++;
                }
                else
                {
                    broker.OnBar(symbols[s], bar);
                    kernel.OnBar(symbols[s], bar);
                    count++;
                }
                if (stream.MoveNext())
                {
                    heads[s] = stream.Current.Timestamp.Ticks;
                    if (heads[s] <= time) throw new InvalidOperationException($"{symbols[s]}: bars out of time order at {stream.Current.Timestamp:O}.");
                }
                else heads[s] = long.MaxValue;
            }
            if (!warming) equity.Record(kernel.Valuation(new DateTime(time, DateTimeKind.Utc)));
        }
    }
}
