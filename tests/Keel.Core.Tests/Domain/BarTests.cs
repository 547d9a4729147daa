using Keel.Core.Domain;

namespace Keel.Core.Tests.Domain;

public class BarTests
{
    private static readonly DateTime T0 = new(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_valid_bar_keeps_its_values()
    {
        var bar = new Bar(T0, 10, 12, 9, 11, 1000);
        bar.Close.ShouldBe(11);
        bar.Timestamp.ShouldBe(T0);
    }

    [Theory]
    [InlineData(double.NaN, 12, 9, 11, "finite")]
    [InlineData(10, 12, 9, -1, "positive")]
    [InlineData(10, 8, 9, 8.5, "below low")]
    [InlineData(13, 12, 9, 11, "open 13 is outside")]
    [InlineData(10, 12, 9, 12.5, "close 12.5 is outside")]
    public void Impossible_bars_are_refused_with_the_reason(double open, double high, double low, double close, string reason)
    {
        var ex = Should.Throw<ArgumentException>(() => new Bar(T0, open, high, low, close, 1));
        ex.Message.ShouldContain(reason);
    }

    [Fact]
    public void Local_timestamps_are_refused()
    {
        Should.Throw<ArgumentException>(() => new Bar(new DateTime(2024, 1, 2), 1, 1, 1, 1, 0)).Message.ShouldContain("UTC");
    }

    [Fact]
    public void Series_refuses_duplicate_and_unsorted_timestamps()
    {
        var a = new Bar(T0, 1, 1, 1, 1, 0);
        var b = new Bar(T0.AddMinutes(1), 1, 1, 1, 1, 0);
        Should.Throw<ArgumentException>(() => new BarSeries(Symbol.Parse("SPY"), Timeframe.OneMinute, [a, a])).Message.ShouldContain("duplicate");
        Should.Throw<ArgumentException>(() => new BarSeries(Symbol.Parse("SPY"), Timeframe.OneMinute, [b, a])).Message.ShouldContain("out-of-order");
    }

    [Fact]
    public void Between_keeps_the_bars_inside_the_range_inclusive()
    {
        var bars = Enumerable.Range(0, 5).Select(i => new Bar(T0.AddDays(i), 1, 1, 1, 1, i)).ToArray();
        var series = new BarSeries(Symbol.Parse("SPY"), Timeframe.OneDay, bars);
        series.Between(T0.AddDays(1), T0.AddDays(3)).Span.ToArray().Select(b => b.Volume).ShouldBe([1.0, 2, 3]);
        series.Between(T0.AddDays(9), DateTime.MaxValue).Count.ShouldBe(0);
        series.Between(DateTime.MinValue, T0).Count.ShouldBe(1);
    }
}
