using Keel.Alpaca.Models;
using Keel.Core.Domain;

namespace Keel.Alpaca.Tests;

public class AlpacaBarConversionTests
{
    private static readonly AlpacaBar Good = new()
    {
        Timestamp = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.FromHours(-5)), Open = 10.5m, High = 11m, Low = 10m, Close = 10.75m, Volume = 0.125m,
    };

    [Fact]
    public void Keeps_the_values_and_gives_the_open_time_in_utc()
    {
        var bar = AlpacaBarConversion.ToBar(Good, Symbol.Parse("BTC/USD"), Timeframe.OneDay);
        bar.Timestamp.ShouldBe(new DateTime(2024, 1, 2, 5, 0, 0, DateTimeKind.Utc));
        bar.Timestamp.Kind.ShouldBe(DateTimeKind.Utc);
        (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume).ShouldBe((10.5, 11.0, 10.0, 10.75, 0.125));
    }

    [Fact]
    public void An_impossible_bar_names_the_symbol_timeframe_and_time()
    {
        var ex = Should.Throw<InvalidDataException>(() => AlpacaBarConversion.ToBar(Good with { Close = 12m }, Symbol.Parse("AAPL"), Timeframe.OneDay));
        ex.Message.ShouldBe("AAPL 1Day: Alpaca sent an invalid bar at 2024-01-02T05:00:00Z: close 12 is outside the bar's range [10, 11].");
    }
}
