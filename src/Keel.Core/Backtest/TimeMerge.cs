using Keel.Core.Domain;
using Keel.Core.MarketData;

namespace Keel.Core.Backtest;

/// <summary>One bar of a merge: which stream it came from, and the bar (fields, so the replay reads the bar in place).</summary>
internal readonly struct MergedBar(int stream, in Bar bar)
{
    public readonly int Stream = stream;
    public readonly Bar Bar = bar;
}

/// <summary>
/// Several streams' bars in time order, handed out a chunk at a time: at each timestamp, the bars of every
/// stream that has one, in the order the streams were given. Holds one bar per stream, never a series.
/// </summary>
/// <param name="streamBarsPerChunk">
/// The most bars of one stream in a chunk: a chunk ends early rather than exceed it, so what is kept per stream for
/// the chunks in flight (its indicators' rings) stays small however the streams' bars fall.
/// </param>
internal sealed class TimeMerge(IReadOnlyList<IBarStream> streams, int streamBarsPerChunk)
{
    private readonly IBarStream[] _streams = [.. streams]; // an array: no interface call to reach a stream, several times a bar
    private readonly int[] _inChunk = new int[streams.Count]; // each stream's bars in the chunk being filled

    // Each stream's next bar is read where the stream holds it; only its time is kept here (a small array that
    // the scan for the next timestamp reads at every step). An ended stream's time is past any bar's.
    private long[]? _heads;
    private long _time = long.MinValue;
    private int _next; // the stream to look at next within _time

    /// <summary>Fills <paramref name="chunk"/> with the next bars; how many (0 once all are read).</summary>
    public int Fill(MergedBar[] chunk)
    {
        var heads = _heads ??= Start();
        var streams = _streams;
        var inChunk = _inChunk;
        Array.Clear(inChunk);
        // The position in locals while filling (registers, not fields read and written at every step), stored at the end.
        var time = _time;
        var next = _next;
        var count = 0;
        var full = false;
        while (!full && count < chunk.Length)
        {
            if (next == heads.Length)
            {
                time = long.MaxValue;
                foreach (var head in heads) time = Math.Min(time, head);
                next = 0;
            }
            if (time == long.MaxValue) break;
            for (; next < heads.Length && count < chunk.Length; next++)
            {
                if (heads[next] != time) continue;
                if (inChunk[next]++ == streamBarsPerChunk)
                {
                    full = true;
                    break;
                }
                var stream = streams[next];
                chunk[count++] = new MergedBar(next, in stream.Current);
                if (stream.MoveNext())
                {
                    var following = stream.Current.Timestamp.Ticks;
                    if (following <= time) throw new InvalidOperationException($"{stream.Symbol}: bars out of time order at {stream.Current.Timestamp:O}.");
                    heads[next] = following;
                }
                else heads[next] = long.MaxValue;
            }
        }
        _time = time;
        _next = next;
        return count;
    }

    private long[] Start()
    {
        var heads = new long[_streams.Length];
        for (var s = 0; s < heads.Length; s++) heads[s] = _streams[s].MoveNext() ? _streams[s].Current.Timestamp.Ticks : long.MaxValue;
        _next = heads.Length;
        return heads;
    }
}
