using System.Runtime.InteropServices;
using Keel.Core.Persistence;
using Keel.Reporting.Charts;
using Keel.Reporting.Pages;

namespace Keel.Dashboard.Live;

/// <summary>
/// The equity snapshots as chart points, kept in memory (a year of minutes is ~525,000 points, ~12 MB as three
/// arrays). Nothing is read at start-up: the first page that draws the curve reads it, in pages of
/// <see cref="PageSize"/> rows, and later pages read only the rows recorded since. The drawdown below the running
/// peak is folded in as points arrive.
/// </summary>
internal sealed class EquityHistory
{
    /// <summary>Rows per query: the store's connection is free for other pages between two of them.</summary>
    public const int PageSize = 50_000;

    private readonly Lock _gate = new();
    private readonly List<long> _times = [];
    private readonly List<double> _equity = [];
    private readonly List<double> _drawdown = [];
    private double _peak = double.MinValue;
    private long _lastId;

    /// <summary>The newest snapshot read, exact (the store's decimals).</summary>
    public EquitySnapshot? Latest { get; private set; }

    public void Refresh(ITradingStoreReader reader)
    {
        lock (_gate)
        {
            EquityPointsPage page;
            do
            {
                page = reader.EquityPointsAfter(_lastId, PageSize);
                for (var i = 0; i < page.Count; i++)
                {
                    var value = page.Equity[i];
                    _peak = Math.Max(_peak, value);
                    _times.Add(page.UnixMs[i]);
                    _equity.Add(value);
                    _drawdown.Add(_peak > 0 ? (_peak - value) / _peak * 100 : 0);
                }
                _lastId = page.LastId;
                // Snapshots are recorded in time order, so the newest row is the latest snapshot.
                if (page.Last is not null) Latest = page.Last;
            } while (page.Count == PageSize);
        }
    }

    /// <summary>The curve and its drawdown, each at most two points per pixel column.</summary>
    public (ChartSeries Equity, ChartSeries Drawdown) Chart(int columns)
    {
        lock (_gate)
        {
            var times = CollectionsMarshal.AsSpan(_times);
            var (et, ev) = ColumnDownsampler.MinMax(times, CollectionsMarshal.AsSpan(_equity), columns);
            var (dt, dv) = ColumnDownsampler.MinMax(times, CollectionsMarshal.AsSpan(_drawdown), columns);
            return (new ChartSeries("equity", et, ev), new ChartSeries("drawdown %", dt, dv));
        }
    }
}
