using Keel.Core.Calendars;
using Keel.Core.Domain;
using Keel.Data.Synthetic;

namespace Keel.Data.Tests.Synthetic;

public class SyntheticBarsTests
{
    private static readonly SyntheticSpec Spy = new(Symbol.Parse("SPY"), 11, 200, 0.16) { DailyVolume = 80_000_000 };
    private static readonly SyntheticSpec Btc = new(Symbol.Parse("BTC/USD"), 12, 300, 0.75) { VolumeDecimals = 4, DailyVolume = 20_000 };
    private static readonly DateOnly From = new(2015, 1, 2);
    private static readonly DateOnly To = new(2024, 12, 31);

    private static DateTime NewYork(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, NyseCalendar.TimeZone);

    [Fact]
    public void Equity_daily_bars_fall_exactly_on_nyse_trading_days_at_new_york_midnight()
    {
        var series = SyntheticBars.Daily(Spy, From, To);

        series.Timeframe.ShouldBe(Timeframe.OneDay);
        series.Count.ShouldBe(NyseCalendar.TradingDays(From, To).Count());
        foreach (var bar in series.Span)
        {
            var local = NewYork(bar.Timestamp);
            local.TimeOfDay.ShouldBe(TimeSpan.Zero);
            NyseCalendar.IsTradingDay(DateOnly.FromDateTime(local)).ShouldBeTrue(bar.ToString());
        }
    }

    [Fact]
    public void Crypto_daily_bars_cover_every_day_including_weekends()
    {
        var series = SyntheticBars.Daily(Btc, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        series.Count.ShouldBe(366);
        series[0].Timestamp.ShouldBe(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Bars_are_valid_clean_and_open_near_the_previous_close()
    {
        foreach (var series in new[] { SyntheticBars.Daily(Spy, From, To), SyntheticBars.Daily(Btc, From, To), SyntheticBars.Minute(Spy, new DateOnly(2024, 12, 2), new DateOnly(2024, 12, 6)) })
        {
            var bars = series.Span;
            for (var i = 0; i < bars.Length; i++)
            {
                var bar = bars[i];
                Bar.Validate(bar.Timestamp, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume).ShouldBeNull();
                foreach (var price in new[] { bar.Open, bar.High, bar.Low, bar.Close })
                    Math.Round(price, 2).ShouldBe(price); // cents, so files hold clean text
                bar.Volume.ShouldBeGreaterThan(0);
                if (i > 0) Math.Abs(bar.Open / bars[i - 1].Close - 1).ShouldBeLessThan(0.1, bar.ToString());
            }
        }
    }

    [Fact]
    public void Daily_returns_have_roughly_the_requested_volatility_and_cluster()
    {
        var bars = SyntheticBars.Daily(Spy, From, To).Span.ToArray();
        var returns = bars.Zip(bars.Skip(1), (a, b) => Math.Log(b.Close / a.Close)).ToArray();
        var mean = returns.Average();
        var volatility = Math.Sqrt(returns.Select(r => (r - mean) * (r - mean)).Average() * 252);
        volatility.ShouldBeInRange(0.12, 0.20);

        // Volatility clustering: squared returns are positively autocorrelated.
        var squares = returns.Select(r => r * r).ToArray();
        var squareMean = squares.Average();
        var lagCovariance = squares.Zip(squares.Skip(1), (a, b) => (a - squareMean) * (b - squareMean)).Average();
        lagCovariance.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Equity_minute_bars_run_0930_to_1559_new_york_and_to_1259_on_half_days()
    {
        // 2024-11-29 (day after Thanksgiving) closes at 13:00; 2024-11-28 is a holiday; 11-30 and 12-01 a weekend.
        var series = SyntheticBars.Minute(Spy, new DateOnly(2024, 11, 27), new DateOnly(2024, 12, 2));

        var days = series.Span.ToArray().GroupBy(b => DateOnly.FromDateTime(NewYork(b.Timestamp))).ToList();
        days.Select(d => d.Key).ShouldBe([new DateOnly(2024, 11, 27), new DateOnly(2024, 11, 29), new DateOnly(2024, 12, 2)]);
        foreach (var day in days)
        {
            var halfDay = day.Key == new DateOnly(2024, 11, 29);
            var times = day.Select(b => NewYork(b.Timestamp).TimeOfDay).ToList();
            times[0].ShouldBe(new TimeSpan(9, 30, 0));
            times[^1].ShouldBe(halfDay ? new TimeSpan(12, 59, 0) : new TimeSpan(15, 59, 0));
            times.Count.ShouldBe(halfDay ? 210 : 390);
        }
    }

    [Fact]
    public void Crypto_minute_bars_run_around_the_clock()
    {
        var series = SyntheticBars.Minute(Btc, new DateOnly(2024, 12, 14), new DateOnly(2024, 12, 15));
        series.Count.ShouldBe(2 * 1440);
        series[0].Timestamp.ShouldBe(new DateTime(2024, 12, 14, 0, 0, 0, DateTimeKind.Utc));
        series[series.Count - 1].Timestamp.ShouldBe(new DateTime(2024, 12, 15, 23, 59, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bars_and_another_seed_different_ones()
    {
        var first = SyntheticBars.Daily(Spy, From, To);
        var again = SyntheticBars.Daily(Spy, From, To);
        var other = SyntheticBars.Daily(Spy with { Seed = 12 }, From, To);

        again.Span.SequenceEqual(first.Span).ShouldBeTrue();
        other.Count.ShouldBe(first.Count);
        other.Span.ToArray().Count(b => first.Span.Contains(b)).ShouldBeLessThan(first.Count / 100);
    }

    [Fact]
    public void The_generator_output_is_pinned_so_changes_to_the_model_or_platform_are_noticed()
    {
        // If this fails after an intentional model change, regenerate samples/ and update these values.
        var series = SyntheticBars.Daily(Spy, From, new DateOnly(2015, 1, 9));
        series.Span.ToArray().Select(b => b.ToString()).ShouldBe(PinnedSpyFirstWeek);
    }

    private static readonly string[] PinnedSpyFirstWeek =
    [
        "2015-01-02T05:00:00Z O=199.99 H=200.12 L=196.84 C=197.35 V=91826843",
        "2015-01-05T05:00:00Z O=197.61 H=197.96 L=196.38 C=196.89 V=55989021",
        "2015-01-06T05:00:00Z O=196.77 H=202.46 L=196.65 C=201.36 V=159454157",
        "2015-01-07T05:00:00Z O=201.48 H=201.77 L=198.55 C=200.03 V=44689742",
        "2015-01-08T05:00:00Z O=200.17 H=200.82 L=195.44 C=196.8 V=100001101",
        "2015-01-09T05:00:00Z O=197.05 H=197.61 L=192.6 C=192.73 V=99197754",
    ];
}
