using Keel.Core.Domain;
using Keel.Core.Kernel;

namespace Keel.Core.Backtest;

/// <summary>
/// Several series replayed as one stream of time: at each timestamp, each symbol's bar goes to the broker and
/// then the kernel, in the order the series were given; then equity is recorded once.
/// </summary>
internal static class MergedReplay
{
    /// <summary>A k-way merge by timestamp; symbols with a bar at the same time go in the order given.</summary>
    public static long Run(IReadOnlyList<BarSeries> data, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from)
    {
        var next = new int[data.Count];
        long count = 0;
        while (true)
        {
            var time = DateTime.MaxValue;
            for (var s = 0; s < data.Count; s++)
            {
                if (next[s] < data[s].Count && data[s][next[s]].Timestamp < time) time = data[s][next[s]].Timestamp;
            }
            if (time == DateTime.MaxValue) return count;
            if (time < from)
            {
                for (var s = 0; s < data.Count; s++)
                {
                    if (next[s] < data[s].Count && data[s][next[s]].Timestamp == time) kernel.WarmUp(data[s].Symbol, data[s][next[s]++]);
                }
                continue;
            }
            for (var s = 0; s < data.Count; s++)
            {
                if (next[s] >= data[s].Count || data[s][next[s]].Timestamp != time) continue;
                ref readonly var bar = ref data[s][next[s]++];
                broker.OnBar(data[s].Symbol, bar);
                kernel.OnBar(data[s].Symbol, bar);
                count++;
            }
            equity.Record(kernel.Valuation(time));
        }
    }
}
