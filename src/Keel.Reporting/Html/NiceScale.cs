using System.Globalization;

namespace Keel.Reporting.Html;

/// <summary>
/// A linear axis with round tick values (1, 2 or 5 times a power of ten) that covers the data, and
/// the mapping from data values to pixels along it.
/// </summary>
internal sealed class NiceScale
{
    public double Min { get; }
    public double Max { get; }
    public double Step { get; }
    private readonly double _pixelStart;
    private readonly double _pixelEnd;
    private readonly int _decimals;

    /// <param name="dataMin">Smallest finite value to show.</param>
    /// <param name="dataMax">Largest finite value to show.</param>
    /// <param name="pixelStart">Pixel of <see cref="Min"/> (for a y axis, the bottom).</param>
    /// <param name="pixelEnd">Pixel of <see cref="Max"/> (for a y axis, the top).</param>
    public NiceScale(double dataMin, double dataMax, double pixelStart, double pixelEnd, int targetTicks = 6)
    {
        if (!double.IsFinite(dataMin) || !double.IsFinite(dataMax)) (dataMin, dataMax) = (0, 1);
        if (dataMax < dataMin) (dataMin, dataMax) = (dataMax, dataMin);
        if (dataMax - dataMin < 1e-12)
        {
            // A single value still needs a visible range around it.
            var pad = Math.Abs(dataMin) > 1e-12 ? Math.Abs(dataMin) * 0.1 : 1;
            (dataMin, dataMax) = (dataMin - pad, dataMax + pad);
        }
        Step = NiceNumber((dataMax - dataMin) / Math.Max(1, targetTicks - 1));
        Min = Math.Floor(dataMin / Step) * Step;
        Max = Math.Ceiling(dataMax / Step) * Step;
        _pixelStart = pixelStart;
        _pixelEnd = pixelEnd;
        _decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step)));
    }

    public double Pixel(double value) => _pixelStart + (value - Min) / (Max - Min) * (_pixelEnd - _pixelStart);

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var k = 0; k <= count; k++)
        {
            var tick = Min + k * Step;
            yield return Math.Abs(tick) < Step * 1e-9 ? 0 : tick; // no "-0"
        }
    }

    public string Label(double tick) => tick.ToString("F" + _decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double NiceNumber(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var power = Math.Pow(10, exponent);
        var fraction = rough / power;
        // Rounding to the nearest of 1, 2, 5, 10 (not up) keeps the axis close to the data.
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }
}
