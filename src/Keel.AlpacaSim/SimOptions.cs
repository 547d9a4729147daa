using Keel.AlpacaSim.Market;

namespace Keel.AlpacaSim;

/// <summary>How to start the local Alpaca-compatible server.</summary>
public sealed class SimOptions
{
    /// <summary>0 picks a free port (tests); 18080 is the usual fixed one.</summary>
    public int Port { get; set; }

    /// <summary>Loopback by default: the sim is for this machine only.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Folder of Keel canonical CSV bars: <c>{dir}/{timeframe}/{SYMBOL-FILESAFE}.csv</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Where the sim clock starts; the real time when null.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Sim seconds per real second; 0 freezes the clock (tests move it by hand).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>When both are set only this key pair is accepted (401 otherwise); when null any pair is.</summary>
    public string? KeyId { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>A new paper account's cash.</summary>
    public decimal StartingCash { get; set; } = 100_000m;

    /// <summary>Half the bid/ask spread, as a fraction of the price, for quotes derived from bars.</summary>
    public decimal HalfSpread { get; set; } = 0.0005m;

    /// <summary>USD-quoted crypto buys under this notional are refused (Alpaca paper: $10); 0 turns it off.</summary>
    public decimal CryptoMinimumNotional { get; set; } = 10m;

    /// <summary>
    /// Alpaca's crypto fee (paper: 0.25%, the lowest taker tier), taken from what a trade brings in: a buy
    /// receives that much less coin, a sell that much less dollars. Equities pay none. 0 turns it off.
    /// </summary>
    public decimal CryptoFeeRate { get; set; } = 0.0025m;

    /// <summary>
    /// Which days the US market trades and when: the NYSE calendar by default (holidays, 13:00 early
    /// closes), the same one the backtester uses; <see cref="WeekdayCalendar"/> ignores holidays.
    /// </summary>
    public ISimMarketCalendar Calendar { get; set; } = new NyseSimCalendar();

    /// <summary>Symbols to list as assets besides those with bars or quotes.</summary>
    public IReadOnlyList<string> ExtraSymbols { get; set; } = ["AAPL", "MSFT", "SPY", "TSLA", "BTC/USD", "ETH/USD"];

    /// <summary>
    /// When set, the sim brings its book up to its clock this often (real time) even when nobody asks, so
    /// fills and expiries reach trade-updates stream listeners by themselves. Null (tests): only requests
    /// (or <c>Broker.Process()</c>) move the book, which keeps runs deterministic.
    /// </summary>
    public TimeSpan? TickInterval { get; set; }

    /// <summary>Write ASP.NET Core's logs to the console (the executable does; tests do not).</summary>
    public bool ConsoleLogging { get; set; }
}
