namespace Keel.Live.Tests;

/// <summary>The config a test's <c>keel paper</c> process runs: the paper example's strategies and symbols on the sim at <paramref name="url"/>.</summary>
internal static class PaperConfigFile
{
    /// <param name="extra">Further top-level entries, e.g. <c>"dashboard": { "port": 5080 }</c>.</param>
    public static async Task<string> WriteAsync(string folder, Uri simUrl, string? extra = null)
    {
        var url = simUrl.ToString().TrimEnd('/');
        var path = Path.Combine(folder, "keel.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "mode": "paper",
              "alpaca": { "tradingUrl": "{{url}}", "dataUrl": "{{url}}", "fillTimeoutSeconds": 60 },
              "timeframe": "15Min",
              "symbols": ["SPY", "AAPL", "BTC/USD"],
              "strategies": ["sma-crossover:fast=3,slow=8", "rsi:period=6,oversold=40,overbought=60"],
              "risk": { "sizing": "fixed:10", "cryptoSizing": "fixed:0.01" },
              "store": { "sqlite": "paper.db" },
              "schedule": { "pollSeconds": 0.02, "warmUpBars": 0, "settleSeconds": 20 },
              "logs": "logs"{{(extra is null ? "" : ",\n  " + extra)}}
            }
            """);
        return path;
    }
}
