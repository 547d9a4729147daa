using System.Globalization;
using Keel.Alpaca.Models;
using Keel.Core.Domain;

namespace Keel.Alpaca;

/// <summary>Alpaca's bars as Keel <see cref="Bar"/>s: UTC open time, prices and volume as doubles, validated by <see cref="Bar"/>.</summary>
public static class AlpacaBarConversion
{
    /// <exception cref="InvalidDataException">Alpaca sent a bar Keel cannot hold (e.g. high under low); the message names the symbol and time.</exception>
    public static Bar ToBar(AlpacaBar bar, Symbol symbol, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var time = bar.Timestamp.UtcDateTime;
        var error = Bar.Validate(time, (double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume);
        if (error is not null)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{symbol} {timeframe}: Alpaca sent an invalid bar at {time:yyyy-MM-ddTHH:mm:ssZ}: {error}."));
        }
        return new Bar(time, (double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume);
    }
}
