using Keel.Core.Persistence;
using Keel.Reporting.Charts;
using Keel.Reporting.Pages;

namespace Keel.Dashboard.Live;

/// <summary>
/// Every equity snapshot the store holds, kept in memory as arrays (a year of minutes is ~525,000 points, ~12 MB)
/// and topped up with only the rows recorded since the last request, so a page never re-reads the whole table.
/// The drawdown below the running peak is folded in as points arrive.
/// </summary>
internal sealed class EquityHistory
{
    private readonly Lock _gate = new();
    private readonly List<long> _times = [];
    private readonly List<double> _equity = [];
    private readonly List<double> _drawdown = [];
    private double _peak = double.MinValue;
    private long _lastId;

    public EquitySnapshot? Latest { get; private set; }

    public void Refresh(ITradingStoreReader reader)
    {
        lock (_gate)
        {
            foreach (var row in reader.EquityAfter(_lastId))
            {
                var value = (double)row.Snapshot.Equity;
                _peak = Math.Max(_peak, value);
                _times.Add(ResultsFolderReader.UnixMs(row.Snapshot.Time));
                _equity.Add(value);
                _drawdown.Add(_peak > 0 ? (_peak - value) / _peak * 100 : 0);
                _lastId = row.Id;
                // Snapshots are recorded in time order, so the newest row is the latest snapshot.
                Latest = row.Snapshot;
            }
        }
    }

    /// <summary>The curve and its drawdown, each at most two points per pixel column.</summary>
    public (ChartSeries Equity, ChartSeries Drawdown) Chart(int columns)
    {
        lock (_gate)
        {
            var times = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_times);
            var (et, ev) = ColumnDownsampler.MinMax(times, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_equity), columns);
            var (dt, dv) = ColumnDownsampler.MinMax(times, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_drawdown), columns);
            return (new ChartSeries("equity", et, ev), new ChartSeries("drawdown %", dt, dv));
        }
    }
}
