using Keel.Core.Domain;

namespace Keel.Core.Tests.Backtest;

/// <summary>Builds small bar series from (open, high, low, close) tuples.</summary>
internal static class Bars
{
    public static readonly DateTime Day0 = new(2024, 1, 2, 5, 0, 0, DateTimeKind.Utc); // midnight New York

    public static BarSeries Daily(string symbol, params (double O, double H, double L, double C)[] ohlc) =>
        Series(symbol, Timeframe.OneDay, i => Day0.AddDays(i), ohlc);

    public static BarSeries Hourly(string symbol, DateTime[] times, params (double O, double H, double L, double C)[] ohlc) =>
        Series(symbol, Timeframe.OneHour, i => times[i], ohlc);

    private static BarSeries Series(string symbol, Timeframe tf, Func<int, DateTime> time, (double O, double H, double L, double C)[] ohlc) =>
        new(Symbol.Parse(symbol), tf, ohlc.Select((b, i) => new Bar(time(i), b.O, b.H, b.L, b.C, 1000)).ToArray());

    /// <summary>Flat bars at one price.</summary>
    public static (double, double, double, double) At(double price) => (price, price, price, price);
}
