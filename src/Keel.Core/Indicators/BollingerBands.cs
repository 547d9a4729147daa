using System.Globalization;
using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// Bollinger bands (TA-Lib BBANDS with a simple moving average): the middle band is the SMA of the
/// last <see cref="Period"/> inputs and the others sit <see cref="K"/> population standard deviations
/// above and below it.
/// </summary>
public sealed class BollingerBands : IPriceIndicator
{
    private readonly RollingMoments _window;
    private readonly IReadOnlyList<string> _outputNames;
    private TimeOrderGuard _timeOrder;

    /// <param name="period">Inputs in the window; at least 2, since one value has no spread.</param>
    /// <param name="k">Band width in standard deviations; positive.</param>
    public BollingerBands(int period = 20, double k = 2)
    {
        IndicatorGuard.Period(period, minimum: 2, "Bollinger", nameof(period));
        if (!(k > 0) || !double.IsFinite(k))
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Bollinger k must be a positive number of standard deviations, got {k}.");

        Period = period;
        K = k;
        _window = new RollingMoments(period);
        var suffix = $"{period}_{k.ToString(CultureInfo.InvariantCulture)}";
        Name = $"bb_{suffix}";
        _outputNames = Array.AsReadOnly([$"bb_upper_{suffix}", $"bb_middle_{suffix}", $"bb_lower_{suffix}"]);
    }

    public int Period { get; }
    public double K { get; }

    /// <summary><c>bb_20_2</c> for the defaults; used in messages.</summary>
    public string Name { get; }

    public int WarmUpPeriod => Period;
    public int Samples { get; private set; }
    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>Middle + k·stddev; NaN until <see cref="IsReady"/>.</summary>
    public double Upper { get; private set; } = double.NaN;

    /// <summary>The SMA; NaN until <see cref="IsReady"/>.</summary>
    public double Middle { get; private set; } = double.NaN;

    /// <summary>Middle − k·stddev; NaN until <see cref="IsReady"/>.</summary>
    public double Lower { get; private set; } = double.NaN;

    /// <summary><c>bb_upper_…</c>, <c>bb_middle_…</c>, <c>bb_lower_…</c>.</summary>
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
        _window.Add(input);
        Samples++;
        if (!IsReady) return;
        var middle = _window.Mean;
        var width = K * Math.Sqrt(_window.PopulationVariance);
        Upper = middle + width;
        Middle = middle;
        Lower = middle - width;
    }

    public double GetOutput(int index) => index switch
    {
        0 => Upper,
        1 => Middle,
        2 => Lower,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has outputs 0 (upper), 1 (middle) and 2 (lower)."),
    };

    public void Reset()
    {
        _window.Clear();
        _timeOrder.Reset();
        Samples = 0;
        Upper = Middle = Lower = double.NaN;
    }

    public override string ToString() => Name;
}
