using Keel.Core.Domain;
using Keel.Core.MarketData;

namespace Keel.Cli;

/// <summary>
/// A streamed series cut as <see cref="DataOptions.LoadWithWarmUp"/> cuts a loaded one: every bar up to <c>--to</c>
/// (those before <c>--from</c> only warm up: the backtest's <c>TradeFrom</c> says so), none after. A series with no
/// bar between <c>--from</c> and <c>--to</c> is the same usage error as in a load, raised when its stream ends
/// (a stream cannot be looked at before it is read).
/// </summary>
internal sealed class RangedBarStream(IBarStream inner, Timeframe timeframe, DateTime from, DateTime to, string fromText, string toText) : IBarStream, IDisposable
{
    private bool _ended;
    private bool _any;
    private bool _traded;
    private DateTime _first;
    private DateTime _last;

    public Symbol Symbol => inner.Symbol;
    public Timeframe Timeframe => timeframe;

    public bool MoveNext()
    {
        if (_ended) return false;
        if (inner.MoveNext())
        {
            var time = inner.Current.Timestamp;
            if (!_any)
            {
                _first = time;
                _any = true;
            }
            _last = time;
            if (time <= to)
            {
                if (time >= from) _traded = true;
                return true;
            }
            // Past --to: the rest is never replayed, only read when the range held none of its bars (to name its last).
            if (!_traded) while (inner.MoveNext()) _last = inner.Current.Timestamp;
        }
        _ended = true;
        if (_any && !_traded)
            throw new UsageException($"{Symbol} has no bars between {fromText} and {toText} (its bars run from {_first:yyyy-MM-dd HH:mm} to {_last:yyyy-MM-dd HH:mm} UTC).");
        return false;
    }

    public ref readonly Bar Current => ref inner.Current;

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
