using Keel.Live.Config;

namespace Keel.Live.Tests;

public sealed class LiveConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keel-config-").FullName;

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "keel.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_shipped_example_is_valid_and_says_what_it_trades()
    {
        var settings = LiveConfigLoader.Load(Path.Combine(PaperData.RepoRoot, "examples", "paper-sim.json"));
        settings.Mode.ShouldBe(TradingMode.Paper);
        settings.Symbols.Select(s => s.Ticker).ShouldBe(["SPY", "AAPL", "BTC/USD"]);
        settings.Strategies.Count.ShouldBe(2);
        settings.TradingUrl.ShouldBe(new Uri("http://127.0.0.1:18080"));
        settings.SqlitePath.ShouldBe(Path.Combine(PaperData.RepoRoot, "data", "paper-sim.db"));
        settings.Risk.SizingFor(settings.Symbols[2]).ToString().ShouldBe("fixed:0.01");
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_what_to_write()
    {
        var path = Write("""
            {
              "mode": "real",
              "timeframe": "7Parsecs",
              "symbols": ["SPY", "SPY", "BTC-USD?"],
              "strategies": ["sma-crossover:fast=abc"],
              "risk": { "sizing": "percent:150", "stopLossPercent": -1 },
              "schedule": { "pollSeconds": 0 }
            }
            """);
        var error = Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(path)).Message;
        error.ShouldContain(path);
        error.ShouldContain("mode: 'real' is not a mode; write \"paper\" or \"live\"");
        error.ShouldContain("timeframe:");
        error.ShouldContain("symbols: SPY is listed twice");
        error.ShouldContain("symbols: 'BTC-USD?'");
        error.ShouldContain("strategies: 'sma-crossover:fast=abc'");
        error.ShouldContain("risk.sizing:");
        error.ShouldContain("schedule.pollSeconds: must be positive");
        error.ShouldContain("store: missing");
    }

    [Fact]
    public void An_unknown_key_is_refused_instead_of_ignored()
    {
        var path = Write("""{ "timeframe": "1Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "x.db" }, "risk": { "stopLoss": 2 } }""");
        var error = Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(path)).Message;
        error.ShouldContain("stopLoss");
    }

    [Fact]
    public void Paper_mode_pointed_at_the_live_endpoint_is_refused()
    {
        var path = Write("""{ "alpaca": { "tradingUrl": "https://api.alpaca.markets" }, "timeframe": "1Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "x.db" } }""");
        Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(path)).Message.ShouldContain("LIVE endpoint");
    }

    [Fact]
    public void A_strategy_keeps_its_explicit_id_and_otherwise_its_canonical_text_however_it_is_written()
    {
        var path = Write("""
            { "timeframe": "1Min", "symbols": ["SPY"], "store": { "sqlite": "x.db" },
              "strategies": [ { "id": "core-trend", "strategy": "sma-crossover:fast=10,slow=30" }, "rsi:period=14" ] }
            """);
        var strategies = LiveConfigLoader.Load(path).Strategies;
        strategies.Select(s => s.Id).ShouldBe(["core-trend", "rsi:period=14,oversold=30,overbought=70"]);
        strategies[0].Text.ShouldBe("sma-crossover:fast=10,slow=30");
        strategies[0].Create().Name.ShouldBe("core-trend"); // the name that keys its positions and seeds its order ids
        strategies[1].Create().Name.ShouldBe(strategies[1].Id);
    }

    [Fact]
    public void A_wrong_strategy_id_is_named_with_what_to_write()
    {
        var path = Write("""
            { "timeframe": "1Min", "symbols": ["SPY"], "store": { "sqlite": "x.db" },
              "strategies": [ { "id": "two", "strategy": "rsi;macd" }, { "id": "has space", "strategy": "rsi" },
                              { "id": "same", "strategy": "rsi" }, { "id": "same", "strategy": "macd" } ] }
            """);
        var error = Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(path)).Message;
        error.ShouldContain("strategies: id 'two' names 2 strategies");
        error.ShouldContain("strategies: id 'has space' must be 1 to 64 letters");
        error.ShouldContain("strategies: same is listed twice");
    }

    [Fact]
    public void An_unknown_key_in_a_strategy_object_is_refused()
    {
        var path = Write("""{ "timeframe": "1Min", "symbols": ["SPY"], "store": { "sqlite": "x.db" }, "strategies": [ { "name": "x", "strategy": "rsi" } ] }""");
        var error = Should.Throw<LiveConfigException>(() => LiveConfigLoader.Load(path)).Message;
        error.ShouldContain("'name' is not a known key of a strategy; expected 'id' and 'strategy'");
        error.ShouldNotContain("StrategyEntry");
        error.ShouldNotContain("System.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
