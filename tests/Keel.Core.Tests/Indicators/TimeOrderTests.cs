using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

public class TimeOrderTests
{
    private static readonly DateTime T0 = IndicatorTestData.Start;

    private static Bar At(DateTime time, double close = 100) => new(time, close, close + 1, close - 1, close, 10);

    [Theory]
    [MemberData(nameof(IndicatorTestData.AllSpecsData), MemberType = typeof(IndicatorTestData))]
    public void A_bar_not_after_the_previous_one_is_refused_with_both_timestamps(string spec)
    {
        var indicator = IndicatorSpec.Parse(spec);
        indicator.Update(At(T0.AddMinutes(5)));

        var duplicate = Should.Throw<InvalidOperationException>(() => indicator.Update(At(T0.AddMinutes(5), 101)));
        duplicate.Message.ShouldContain("2024-01-02T14:35:00.0000000Z");

        var earlier = Should.Throw<InvalidOperationException>(() => indicator.Update(At(T0.AddMinutes(4))));
        earlier.Message.ShouldContain("bar at 2024-01-02T14:34:00.0000000Z");
        earlier.Message.ShouldContain("previous bar at 2024-01-02T14:35:00.0000000Z");

        indicator.Samples.ShouldBe(1, "a refused bar must not be counted");
        indicator.Update(At(T0.AddMinutes(6)));
        indicator.Samples.ShouldBe(2);
    }

    [Fact]
    public void Plain_values_have_no_time_check()
    {
        var sma = new Sma(2);
        sma.Update(At(T0.AddMinutes(1)));
        sma.Update(101);
        sma.Update(102);
        sma.Update(At(T0.AddMinutes(2)));
        sma.Samples.ShouldBe(4);
    }

    [Fact]
    public void Reset_forgets_the_last_timestamp()
    {
        var rsi = new Rsi(14);
        rsi.Update(At(T0.AddMinutes(1)));
        rsi.Reset();
        rsi.Update(At(T0));
        rsi.Samples.ShouldBe(1);
    }

    [Fact]
    public void Non_finite_values_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Ema(3).Update(double.NaN)).Message.ShouldContain("finite");
        Should.Throw<ArgumentOutOfRangeException>(() => new Macd().Update(double.PositiveInfinity)).Message.ShouldContain("finite");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBands().Update(double.NaN)).Message.ShouldContain("finite");
    }
}
