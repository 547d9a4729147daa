namespace Keel.Core.Research;

/// <summary>
/// One walk-forward step as bar index ranges, each half-open [start, end): optimise on
/// [<see cref="IsStart"/>, <see cref="IsEnd"/>), then trade [<see cref="OosStart"/>, <see cref="OosEnd"/>),
/// which begins where the in-sample range ends.
/// </summary>
public readonly record struct WalkForwardWindow(int IsStart, int IsEnd, int OosStart, int OosEnd)
{
    public int IsLength => IsEnd - IsStart;
    public int OosLength => OosEnd - OosStart;

    /// <summary>The same window with <paramref name="bars"/> bars (warm-up only) before it.</summary>
    public WalkForwardWindow After(int bars) => new(IsStart + bars, IsEnd + bars, OosStart + bars, OosEnd + bars);

    public override string ToString() => $"IS [{IsStart}, {IsEnd}) → OOS [{OosStart}, {OosEnd})";
}
