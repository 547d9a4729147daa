using Keel.Core.Domain;

namespace Keel.Core.Tests.Domain;

public class SymbolAndTimeframeTests
{
    [Fact]
    public void Slash_pairs_are_crypto_and_plain_tickers_are_equities()
    {
        Symbol.Parse("btc/usd").ShouldBe(new Symbol("BTC/USD", AssetClass.Crypto));
        Symbol.Parse("AAPL").AssetClass.ShouldBe(AssetClass.UsEquity);
        Symbol.Parse("BTC/USD").FileSafeName.ShouldBe("BTC-USD");
    }

    [Theory]
    [InlineData("")]
    [InlineData("BTC")]
    [InlineData("A B")]
    public void Bad_symbols_are_refused(string text)
    {
        Should.Throw<ArgumentException>(() => new Symbol(text, text == "BTC" ? AssetClass.Crypto : AssetClass.UsEquity));
    }

    [Theory]
    [InlineData("1Min", 1, TimeframeUnit.Minute)]
    [InlineData("15Min", 15, TimeframeUnit.Minute)]
    [InlineData("1Hour", 1, TimeframeUnit.Hour)]
    [InlineData("1Day", 1, TimeframeUnit.Day)]
    [InlineData("1D", 1, TimeframeUnit.Day)]
    public void Timeframes_parse_alpaca_spellings(string text, int amount, TimeframeUnit unit)
    {
        var tf = Timeframe.Parse(text);
        tf.ShouldBe(new Timeframe(amount, unit));
        Timeframe.Parse(tf.ToString()).ShouldBe(tf);
    }

    [Theory]
    [InlineData("Min")]
    [InlineData("0Min")]
    [InlineData("90Min")]
    [InlineData("1Fortnight")]
    public void Bad_timeframes_are_refused(string text) => Timeframe.TryParse(text, out _, out var error).ShouldBeFalse(error);
}
