using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Keel.Core.Backtest;

/// <summary>The work a chunk of merged bars needs before it is replayed (computing its streams' indicators), chunk after chunk in order.</summary>
internal delegate void ChunkPreparation(ReadOnlySpan<MergedBar> bars);

/// <summary>
/// A <see cref="TimeMerge"/> run on another thread a few chunks ahead, so that reading, checking and merging a
/// universe's bars overlaps the kernel's work on the bars before them. Chunks come out in the order the merge
/// made them, so a replay over it is the same, bar for bar; a failure of the merge (a damaged file, bars out of
/// order) is thrown where the sequential merge would have thrown it, after the bars before it.
/// </summary>
/// <remarks>
/// Each chunk's preparation is done once, in the merge's order, by whichever thread is free: by the reading thread
/// when it is ahead (its queue of chunks is full), by the replay's thread just before the chunk is replayed
/// otherwise. Neither split is right for every universe: with the preparation on the reading thread, 10 symbols
/// waited on it; on the replay's thread, 100 symbols waited on the replay while the reader idled a third of the time.
/// </remarks>
internal sealed class ReadAheadMerge : IDisposable
{
    private const int ChunksAhead = 3;

    /// <summary>How many chunks past the one being replayed may be prepared: bounds what a stream's indicator rings must hold.</summary>
    public const int PreparedAhead = 2;

    private readonly BlockingCollection<Chunk> _full = new(ChunksAhead);
    private readonly BlockingCollection<MergedBar[]> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ChunkPreparation? _prepare;
    private readonly Lock _preparing = new();
    private readonly Queue<Chunk> _unprepared = new(); // filled, in order, not yet prepared; under _preparing
    private readonly Task _reader;
    private long _prepared;       // chunks prepared so far (every sequence number below it)
    private long _replaying = -1; // the sequence number of the chunk the replay holds
    private ExceptionDispatchInfo? _failure;
    private ExceptionDispatchInfo? _preparationFailure;

    public ReadAheadMerge(TimeMerge merge, int chunkBars, ChunkPreparation? prepare = null)
    {
        _prepare = prepare;
        for (var i = 0; i < ChunksAhead + 2; i++) _free.Add(new MergedBar[chunkBars]);
        _reader = Task.Factory.StartNew(() => Read(merge), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Read(TimeMerge merge)
    {
        try
        {
            for (long sequence = 0; ; sequence++)
            {
                var bars = _free.Take(_stop.Token);
                var chunk = new Chunk(bars, merge.Fill(bars), sequence);
                var queued = false;
                if (_prepare is not null)
                {
                    lock (_preparing) _unprepared.Enqueue(chunk);
                    while (!(queued = _full.TryAdd(chunk)) && PrepareAhead()) { }
                }
                if (!queued) _full.Add(chunk, _stop.Token);
                if (chunk.Count == 0) return;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _full.CompleteAdding();
        }
    }

    /// <summary>On the reading thread, while its queue is full: prepares the next chunk if it is not too far ahead of the replay.</summary>
    private bool PrepareAhead()
    {
        lock (_preparing)
        {
            if (_preparationFailure is not null || !_unprepared.TryPeek(out var next) || next.Sequence > Volatile.Read(ref _replaying) + PreparedAhead) return false;
            PrepareNext();
            return true;
        }
    }

    /// <summary>The next chunk and how many bars it holds (0 at the end), prepared; give it back with <see cref="Return"/> once used.</summary>
    public (MergedBar[] Chunk, int Count) Next()
    {
        if (!_full.TryTake(out var next, Timeout.Infinite))
        {
            _failure?.Throw();
            return ([], 0);
        }
        Volatile.Write(ref _replaying, next.Sequence);
        if (_prepare is not null && Volatile.Read(ref _prepared) <= next.Sequence)
        {
            lock (_preparing)
            {
                while (_prepared <= next.Sequence && _preparationFailure is null) PrepareNext();
                _preparationFailure?.Throw();
            }
        }
        return (next.Bars, next.Count);
    }

    /// <summary>Under <see cref="_preparing"/>: the oldest unprepared chunk.</summary>
    private void PrepareNext()
    {
        var chunk = _unprepared.Dequeue();
        try
        {
            _prepare!(chunk.Bars.AsSpan(0, chunk.Count));
        }
        catch (Exception ex)
        {
            // Met again by the replay when it reaches this chunk, on its own thread.
            _preparationFailure = ExceptionDispatchInfo.Capture(ex);
            return;
        }
        Volatile.Write(ref _prepared, chunk.Sequence + 1);
    }

    public void Return(MergedBar[] chunk) => _free.Add(chunk);

    public void Dispose()
    {
        _stop.Cancel();
        _reader.Wait();
        _stop.Dispose();
        _full.Dispose();
        _free.Dispose();
    }

    private readonly record struct Chunk(MergedBar[] Bars, int Count, long Sequence);
}
