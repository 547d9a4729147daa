using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// Base of the indicators with one output. It owns the bookkeeping (samples, readiness, the
/// NaN-until-ready value, the forward-only time check, reset) so that a subclass only says how one
/// input turns into the next value (<see cref="ComputeNextValue(in Bar)"/>) and how to forget its
/// state (<see cref="ResetState"/>).
/// </summary>
public abstract class SingleOutputIndicator : IIndicator
{
    private readonly IReadOnlyList<string> _outputNames;
    private TimeOrderGuard _timeOrder;

    /// <param name="name">The output name, such as <c>sma_20</c>.</param>
    /// <param name="warmUpPeriod">Inputs needed before the first value.</param>
    protected SingleOutputIndicator(string name, int warmUpPeriod)
    {
        Name = name;
        WarmUpPeriod = warmUpPeriod;
        _outputNames = Array.AsReadOnly([name]);
    }

    /// <summary>The output name, such as <c>sma_20</c>.</summary>
    public string Name { get; }

    public int WarmUpPeriod { get; }

    /// <summary>
    /// Inputs seen since construction or the last reset. While <see cref="ComputeNextValue(in Bar)"/>
    /// runs it still counts only the earlier inputs, so 0 there means "this is the first input".
    /// </summary>
    public int Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The latest value; NaN until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; } = double.NaN;

    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Feeds one bar. Throws <see cref="InvalidOperationException"/> if it is not after the previous bar.</summary>
    public void Update(in Bar bar)
    {
        _timeOrder.Advance(bar.Timestamp, Name);
        Record(ComputeNextValue(in bar));
    }

    public double GetOutput(int index) => index == 0
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has a single output (index 0).");

    public void Reset()
    {
        Samples = 0;
        Value = double.NaN;
        _timeOrder.Reset();
        ResetState();
    }

    public override string ToString() => Name;

    /// <summary>The value after this input; whatever it returns during warm-up is replaced by NaN.</summary>
    protected abstract double ComputeNextValue(in Bar bar);

    /// <summary>Returns the subclass's own state to how the constructor left it.</summary>
    protected abstract void ResetState();

    /// <summary>Counts the input just computed and publishes its value once the warm-up is over.</summary>
    private protected void Record(double value)
    {
        Samples++;
        Value = IsReady ? value : double.NaN;
    }
}
