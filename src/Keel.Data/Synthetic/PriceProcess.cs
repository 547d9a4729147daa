using Keel.Core.Domain;

namespace Keel.Data.Synthetic;

/// <summary>
/// The price model behind <see cref="SyntheticBars"/>. Log returns switch between regimes — trending
/// up, trending down, mean-reverting — that last a random (exponential) number of bars; their size
/// follows a GARCH(1,1) variance, so calm and stormy stretches cluster as in real markets. Each bar
/// opens near the previous close (a small gap, larger after a session break), and its high and low
/// are the extremes of a Brownian bridge between open and close, so they always contain both.
/// </summary>
internal sealed class PriceProcess
{
    private enum Regime { TrendingUp, TrendingDown, MeanReverting }

    // GARCH(1,1): variance = omega + Alpha * shock^2 + Beta * variance; persistence 0.97 as in daily equity data.
    private const double Alpha = 0.07;
    private const double Beta = 0.90;

    private readonly SyntheticSpec _spec;
    private readonly SplitMix64 _random;
    private readonly double _barVolatility;   // long-run standard deviation of one bar's log return
    private readonly double _barDrift;
    private readonly double _trendDrift;      // extra drift per bar while trending
    private readonly double _gapVolatility;
    private readonly double _sessionGapVolatility;
    private readonly double _meanRegimeBars;
    private readonly double _barVolume;
    private readonly double _tick;

    private double _close;
    private double _variance;
    private Regime _regime;
    private double _regimeBarsLeft;
    private double _anchor;                   // the log price a mean-reverting regime pulls towards

    public PriceProcess(SyntheticSpec spec, double barsPerDay, double tradingDaysPerYear, double meanRegimeBars)
    {
        _spec = spec;
        _random = new SplitMix64(spec.Seed);
        var barsPerYear = barsPerDay * tradingDaysPerYear;
        _barVolatility = spec.AnnualVolatility / Math.Sqrt(barsPerYear);
        _barDrift = spec.AnnualDrift / barsPerYear;
        // Over a regime of typical length a trend moves the price by half the noise of that stretch.
        _trendDrift = 0.5 * _barVolatility / Math.Sqrt(meanRegimeBars);
        _gapVolatility = 0.15 * _barVolatility;
        _sessionGapVolatility = 0.4 * spec.AnnualVolatility / Math.Sqrt(tradingDaysPerYear);
        _meanRegimeBars = meanRegimeBars;
        _barVolume = spec.DailyVolume / barsPerDay;
        _tick = Math.Pow(10, -spec.PriceDecimals);
        _close = Round(spec.StartPrice, spec.PriceDecimals);
        _variance = _barVolatility * _barVolatility;
        StartRegime();
    }

    public Bar Next(BarSlot slot)
    {
        if (--_regimeBarsLeft <= 0) StartRegime();

        var logPrice = Math.Log(_close);
        var drift = _regime switch
        {
            Regime.TrendingUp => _barDrift + _trendDrift,
            Regime.TrendingDown => _barDrift - _trendDrift,
            _ => _barDrift + 0.05 * (_anchor - logPrice),
        };
        _anchor += _barDrift; // the level a mean-reverting regime pulls towards drifts too
        var volatility = Math.Sqrt(_variance);
        var shock = volatility * _random.NextNormal();
        var omega = _barVolatility * _barVolatility * (1 - Alpha - Beta);
        _variance = Math.Min(omega + Alpha * shock * shock + Beta * _variance, 25 * _barVolatility * _barVolatility);

        var gap = (slot.OpensSession ? _sessionGapVolatility : _gapVolatility) * _random.NextNormal();
        var open = RoundPrice(_close * Math.Exp(gap));
        var close = RoundPrice(_close * Math.Exp(drift + shock + gap));
        var (highMove, lowMove) = BridgeExtremes(Math.Log(close / open), volatility);
        var high = Math.Max(RoundPrice(open * Math.Exp(highMove)), Math.Max(open, close));
        var low = Math.Min(RoundPrice(open * Math.Exp(lowMove)), Math.Min(open, close));

        // Busier when prices move more; lognormal noise with mean 1 (exp(0.3 z) has mean exp(0.045)).
        var activity = 0.6 + 0.4 * Math.Abs(shock) / _barVolatility;
        var noise = Math.Exp(0.3 * _random.NextNormal() - 0.045);
        var volume = Round(_barVolume * slot.VolumeWeight * activity * noise, _spec.VolumeDecimals);

        _close = close;
        return new Bar(slot.OpenUtc, open, high, low, close, volume);
    }

    private void StartRegime()
    {
        // Up and down trends are equally likely, so the long-run drift is AnnualDrift at any bar length.
        var draw = _random.NextDouble();
        _regime = draw < 0.35 ? Regime.TrendingUp : draw < 0.7 ? Regime.TrendingDown : Regime.MeanReverting;
        _regimeBarsLeft = 1 + _random.NextExponential(_meanRegimeBars);
        _anchor = Math.Log(_close);
    }

    /// <summary>
    /// The highest and lowest points of a Brownian bridge from 0 to <paramref name="end"/>, drawn exactly
    /// from P(max > m) = exp(-2 m (m - end) / variance) and its mirror for the minimum. A path simulated
    /// in a few steps would peak at the open or close far too often.
    /// </summary>
    private (double High, double Low) BridgeExtremes(double end, double volatility)
    {
        var variance = volatility * volatility;
        var high = (end + Math.Sqrt(end * end - 2 * variance * Math.Log(1.0 - _random.NextDouble()))) / 2;
        var low = (end - Math.Sqrt(end * end - 2 * variance * Math.Log(1.0 - _random.NextDouble()))) / 2;
        return (high, low);
    }

    private double RoundPrice(double price) => Math.Max(Round(price, _spec.PriceDecimals), _tick);

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
