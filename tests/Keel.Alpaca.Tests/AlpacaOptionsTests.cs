using Keel.Core.Domain;

namespace Keel.Alpaca.Tests;

public sealed class AlpacaOptionsTests
{
    private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);

    [Fact]
    public void Environment_variables_fill_every_setting()
    {
        var options = AlpacaOptions.FromEnvironment(dotEnvPath: null, Env(new()
        {
            ["ALPACA_API_KEY_ID"] = "AKID",
            ["ALPACA_API_SECRET_KEY"] = "SECRET",
            ["ALPACA_PAPER"] = "false",
            ["ALPACA_TRADING_URL"] = "http://127.0.0.1:18080/",
            ["ALPACA_DATA_URL"] = "http://127.0.0.1:18081",
        }));
        options.KeyId.ShouldBe("AKID");
        options.SecretKey.ShouldBe("SECRET");
        options.Paper.ShouldBeFalse();
        options.EffectiveTradingUrl.ShouldBe(new Uri("http://127.0.0.1:18080"));
        options.EffectiveDataUrl.ShouldBe(new Uri("http://127.0.0.1:18081"));
        Should.NotThrow(options.Validate);
    }

    [Fact]
    public void Paper_is_the_default_and_picks_the_paper_host()
    {
        var options = AlpacaOptions.FromEnvironment(dotEnvPath: null, Env(new() { ["ALPACA_API_KEY_ID"] = "a", ["ALPACA_API_SECRET_KEY"] = "b" }));
        options.Paper.ShouldBeTrue();
        options.EffectiveTradingUrl.ShouldBe(AlpacaOptions.PaperTradingUrl);
        options.EffectiveDataUrl.ShouldBe(AlpacaOptions.DefaultDataUrl);
        new AlpacaOptions { Paper = false }.EffectiveTradingUrl.ShouldBe(AlpacaOptions.LiveTradingUrl);
    }

    [Fact]
    public void Dot_env_file_fills_what_the_environment_leaves_unset()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keel-{Guid.NewGuid():N}.env");
        File.WriteAllLines(path,
        [
            "# Alpaca paper keys",
            "export ALPACA_API_KEY_ID=FROMFILE",
            "ALPACA_API_SECRET_KEY=\"quoted secret\"",
            "ALPACA_PAPER=true # comment",
            "",
            "NOT_A_PAIR",
        ]);
        try
        {
            var options = AlpacaOptions.FromEnvironment(path, Env(new() { ["ALPACA_API_KEY_ID"] = "FROMENV" }));
            options.KeyId.ShouldBe("FROMENV");
            options.SecretKey.ShouldBe("quoted secret");
            options.Paper.ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validation_names_every_missing_setting()
    {
        var error = Should.Throw<InvalidOperationException>(() => new AlpacaOptions().Validate());
        error.Message.ShouldContain("ALPACA_API_KEY_ID");
        error.Message.ShouldContain("ALPACA_API_SECRET_KEY");
    }

    [Fact]
    public void Bad_values_are_refused_with_the_variable_name()
    {
        Should.Throw<InvalidOperationException>(() => AlpacaOptions.FromEnvironment(null, Env(new() { ["ALPACA_PAPER"] = "maybe" })))
            .Message.ShouldContain("ALPACA_PAPER");
        Should.Throw<InvalidOperationException>(() => AlpacaOptions.FromEnvironment(null, Env(new() { ["ALPACA_TRADING_URL"] = "not a url" })))
            .Message.ShouldContain("ALPACA_TRADING_URL");
        var ftp = new AlpacaOptions { KeyId = "a", SecretKey = "b", TradingBaseUrl = new Uri("ftp://example.invalid") };
        Should.Throw<InvalidOperationException>(ftp.Validate).Message.ShouldContain("http or https");
    }

    [Fact]
    public void ToString_never_shows_the_keys()
    {
        var options = new AlpacaOptions { KeyId = "PKSECRETKEYID", SecretKey = "very-secret-value" };
        var text = options.ToString();
        text.ShouldNotContain("PKSECRETKEYID");
        text.ShouldNotContain("very-secret-value");
        text.ShouldContain("paper");
        text.ShouldContain("key=set");
    }

    [Fact]
    public void Configuration_section_is_read_by_property_names()
    {
        var configuration = new DictionaryConfiguration(new()
        {
            ["KeyId"] = "K", ["SecretKey"] = "S", ["Paper"] = "true", ["TradingBaseUrl"] = "http://localhost:18080",
        });
        var options = AlpacaOptions.FromConfiguration(configuration);
        options.KeyId.ShouldBe("K");
        options.SecretKey.ShouldBe("S");
        options.EffectiveTradingUrl.ShouldBe(new Uri("http://localhost:18080"));
    }

    [Theory]
    [InlineData("BTC/USD", "BTCUSD")]
    [InlineData("AAPL", "AAPL")]
    public void Positions_use_the_symbol_without_slash(string ticker, string positionKey)
    {
        AlpacaSymbols.ToPositionKey(Symbol.Parse(ticker)).ShouldBe(positionKey);
        AlpacaSymbols.ToApi(Symbol.Parse(ticker)).ShouldBe(ticker);
    }

    [Theory]
    [InlineData("BTCUSD", "BTC/USD")]
    [InlineData("ETHUSDT", "ETH/USDT")]
    [InlineData("ETH/BTC", "ETH/BTC")]
    public void Crypto_symbols_without_slash_are_split_at_the_quote_currency(string alpaca, string keel)
    {
        var symbol = AlpacaSymbols.FromApi(alpaca, Models.AlpacaAssetClass.Crypto);
        symbol.Ticker.ShouldBe(keel);
        symbol.IsCrypto.ShouldBeTrue();
    }

    /// <summary>The smallest IConfiguration: a flat dictionary (the test project has no configuration package).</summary>
    private sealed class DictionaryConfiguration(Dictionary<string, string?> values) : Microsoft.Extensions.Configuration.IConfiguration
    {
        public string? this[string key] { get => values.GetValueOrDefault(key); set => values[key] = value; }
        public IEnumerable<Microsoft.Extensions.Configuration.IConfigurationSection> GetChildren() => [];
        public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => throw new NotSupportedException();
        public Microsoft.Extensions.Configuration.IConfigurationSection GetSection(string key) => throw new NotSupportedException();
    }
}
