using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Keel.Core.Backtest;

/// <summary>
/// A <see cref="TimeMerge"/> run on another thread a few chunks ahead, so that reading, checking and merging a
/// universe's bars overlaps the kernel's work on the bars before them. Chunks come out in the order the merge
/// made them, so a replay over it is the same, bar for bar; a failure of the merge (a damaged file, bars out of
/// order) is thrown where the sequential merge would have thrown it, after the bars before it.
/// </summary>
internal sealed class ReadAheadMerge : IDisposable
{
    private const int ChunksAhead = 3;

    private readonly BlockingCollection<(MergedBar[] Chunk, int Count)> _full = new(ChunksAhead);
    private readonly BlockingCollection<MergedBar[]> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private ExceptionDispatchInfo? _failure;

    public ReadAheadMerge(TimeMerge merge, int chunkBars)
    {
        for (var i = 0; i < ChunksAhead + 2; i++) _free.Add(new MergedBar[chunkBars]);
        _reader = Task.Factory.StartNew(() => Read(merge), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Read(TimeMerge merge)
    {
        try
        {
            while (true)
            {
                var chunk = _free.Take(_stop.Token);
                var count = merge.Fill(chunk);
                _full.Add((chunk, count), _stop.Token);
                if (count < chunk.Length) return;
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

    /// <summary>The next chunk and how many bars it holds (0 at the end); give it back with <see cref="Return"/> once used.</summary>
    public (MergedBar[] Chunk, int Count) Next()
    {
        if (_full.TryTake(out var next, Timeout.Infinite)) return next;
        _failure?.Throw();
        return ([], 0);
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
}
