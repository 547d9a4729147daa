using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// Base of the single-output indicators of one price series: a bar contributes its close, and plain
/// numbers can be fed directly with <see cref="Update(double)"/>. Subclasses override
/// <see cref="ComputeNextValue(double)"/>.
/// </summary>
public abstract class PriceIndicator : SingleOutputIndicator, IPriceIndicator
{
    protected PriceIndicator(string name, int warmUpPeriod) : base(name, warmUpPeriod)
    {
    }

    /// <summary>Feeds one value (no time check: a number has no timestamp). It must be finite.</summary>
    public void Update(double input)
    {
        IndicatorGuard.FiniteInput(input, Name);
        Record(ComputeNextValue(input));
    }

    protected sealed override double ComputeNextValue(in Bar bar) => ComputeNextValue(bar.Close);

    /// <summary>The value after this input; whatever it returns during warm-up is replaced by NaN.</summary>
    protected abstract double ComputeNextValue(double input);
}
