using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// The base of price indicators with several outputs (MACD, Bollinger bands): it owns the name, the
/// output names, the sample count, readiness, the input checks and the forward-only time check, so a
/// subclass only says what one input does to its outputs and how to forget them.
/// </summary>
public abstract class MultiOutputPriceIndicator : IPriceIndicator
{
    private readonly IReadOnlyList<string> _outputNames;
    private TimeOrderGuard _timeOrder;

    protected MultiOutputPriceIndicator(string name, string[] outputNames)
    {
        Name = name;
        _outputNames = Array.AsReadOnly(outputNames);
    }

    /// <summary>E.g. <c>macd_12_26_9</c>; used in messages.</summary>
    public string Name { get; }

    public abstract int WarmUpPeriod { get; }
    public int Samples { get; private set; }
    public bool IsReady => Samples >= WarmUpPeriod;
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Feeds one bar's close. Throws <see cref="InvalidOperationException"/> if it is not after the previous bar.</summary>
    public void Update(in Bar bar)
    {
        _timeOrder.Advance(bar.Timestamp, Name);
        Update(bar.Close);
    }

    public void Update(double input)
    {
        IndicatorGuard.FiniteInput(input, Name);
        Accept(input, Samples);
        Samples++;
    }

    public abstract double GetOutput(int index);

    public void Reset()
    {
        _timeOrder.Reset();
        Samples = 0;
        ResetState();
    }

    /// <summary>One finite input; <paramref name="seen"/> inputs came before it. Outputs stay NaN until the warm-up is over.</summary>
    protected abstract void Accept(double input, int seen);

    protected abstract void ResetState();

    public override string ToString() => Name;
}
