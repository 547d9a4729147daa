using Keel.Core.Domain;
using Keel.Core.Kernel;

namespace Keel.Core.Backtest;

/// <summary>
/// A single series' replay, and the one place that fast-forwards: where no order can fill and every strategy
/// on the symbol is sure to hold (<see cref="Strategies.IFastForward"/>, cached indicators only), a stretch of
/// bars only moves the mark and the equity curve. A strategy that does not opt in is replayed bar by bar.
/// Internal, with the kernel's and the ledger's members it uses: none of it is part of the strategy SDK.
/// </summary>
internal static class FastReplay
{
    public static long Run(BarSeries series, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from)
    {
        var symbol = series.Symbol;
        var bars = series.Span;
        var start = series.IndexAtOrAfter(from);
        for (var i = 0; i < start; i++) kernel.WarmUp(symbol, bars[i]);
        var mayBeQuiet = true;
        for (var i = start; i < bars.Length; i++)
        {
            ref readonly var bar = ref bars[i];
            broker.OnBar(symbol, bar);

            // Fast-forward through bars on which no order can fill and every strategy holds: they only move the
            // mark. Such a stretch may start at this very bar once the broker has filled what came due at its
            // open (a round trip's fill bars are mostly quiet). The last bar is always replayed in full
            // (end-of-run orders are priced from it), and so is the bar that ended a stretch.
            var quiet = mayBeQuiet && !broker.HasWorkingOrders ? kernel.QuietBarsAhead(symbol, bars.Length - 1 - i) : 0;
            if (quiet == 0)
            {
                kernel.OnBar(symbol, bar);
                equity.Record(kernel.Valuation(bar.Timestamp));
                mayBeQuiet = true;
                continue;
            }
            kernel.FastForward(symbol, quiet);
            var stretch = bars.Slice(i, quiet);
            equity.RecordQuiet(stretch, kernel.Portfolio, kernel.Portfolio.IndexOf(symbol));
            kernel.Mark(symbol, stretch[^1]);
            i += quiet - 1;
            mayBeQuiet = false;
        }
        return bars.Length - start;
    }
}
