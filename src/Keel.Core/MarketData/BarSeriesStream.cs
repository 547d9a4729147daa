using Keel.Core.Domain;

namespace Keel.Core.MarketData;

/// <summary>A series already in memory, read as a stream.</summary>
public sealed class BarSeriesStream(BarSeries series) : IBarStream
{
    private int _next = -1;

    public Symbol Symbol => series.Symbol;
    public Timeframe Timeframe => series.Timeframe;

    public bool MoveNext() => ++_next < series.Count;

    public ref readonly Bar Current => ref series[_next];
}
