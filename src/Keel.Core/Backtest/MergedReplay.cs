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
        var heads = new Bar[streams.Count];
        var live = new bool[streams.Count];
        var symbols = new Symbol[streams.Count];
        for (var s = 0; s < streams.Count; s++)
        {
            symbols[s] = streams[s].Symbol;
            if (live[s] = streams[s].MoveNext()) heads[s] = streams[s].Current;
        }
        long count = 0, warmUp = 0;
        while (true)
        {
            var time = DateTime.MaxValue;
            var any = false;
            for (var s = 0; s < heads.Length; s++)
            {
                if (live[s] && heads[s].Timestamp <= time)
                {
                    time = heads[s].Timestamp;
                    any = true;
                }
            }
            if (!any) return (count, warmUp);
            var warming = time < from;
            for (var s = 0; s < heads.Length; s++)
            {
                if (!live[s] || heads[s].Timestamp != time) continue;
                if (warming)
                {
                    kernel.WarmUp(symbols[s], heads[s]);
                    warmUp++;
                }
                else
                {
                    broker.OnBar(symbols[s], heads[s]);
                    kernel.OnBar(symbols[s], heads[s]);
                    count++;
                }
                if (live[s] = streams[s].MoveNext())
                {
                    heads[s] = streams[s].Current;
                    if (heads[s].Timestamp <= time) throw new InvalidOperationException($"{symbols[s]}: bars out of time order at {heads[s].Timestamp:O}.");
                }
            }
            if (!warming) equity.Record(kernel.Valuation(time));
        }
    }
}
