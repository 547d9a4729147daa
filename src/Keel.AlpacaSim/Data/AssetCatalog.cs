using System.Security.Cryptography;
using System.Text;
using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Data;

/// <summary>
/// The assets the sim knows: every symbol with bars or a scripted quote plus a few defaults. Ids are
/// stable (derived from the symbol) so tests and restarts see the same ones.
/// </summary>
public sealed class AssetCatalog(BarStore bars, QuoteBook quotes, IReadOnlyList<string> extraSymbols)
{
    public IReadOnlyList<AlpacaAsset> All() =>
        bars.Symbols.Concat(quotes.ScriptedSymbols).Concat(extraSymbols.Select(s => s.ToUpperInvariant()))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(Describe)
            .ToList();

    public IEnumerable<string> Pairs => All().Where(a => a.AssetClass == AlpacaAssetClass.Crypto).Select(a => a.Symbol);

    /// <summary>By symbol (either crypto form) or id; null when unknown.</summary>
    public AlpacaAsset? Find(string symbolOrId)
    {
        var key = symbolOrId.Trim().ToUpperInvariant();
        return All().FirstOrDefault(a =>
            a.Symbol == key || SimSymbols.PositionKey(a.Symbol) == key || string.Equals(a.Id, symbolOrId, StringComparison.OrdinalIgnoreCase));
    }

    public static string IdFor(string symbol) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(symbol))).ToString();

    private static AlpacaAsset Describe(string symbol)
    {
        var crypto = SimSymbols.IsCrypto(symbol);
        return new AlpacaAsset
        {
            Id = IdFor(symbol),
            AssetClass = crypto ? AlpacaAssetClass.Crypto : AlpacaAssetClass.UsEquity,
            Exchange = crypto ? "CRYPTO" : "NASDAQ",
            Symbol = symbol,
            Name = crypto ? $"{symbol} (simulated)" : $"{symbol} (simulated equity)",
            Status = "active",
            Tradable = true,
            Marginable = !crypto,
            Shortable = !crypto,
            EasyToBorrow = !crypto,
            Fractionable = true,
            MinOrderSize = crypto ? 0.000000002m : null,
            MinTradeIncrement = crypto ? 0.000000001m : null,
            PriceIncrement = crypto ? 0.01m : null,
            MaintenanceMarginRequirement = crypto ? 100m : 30m,
            Attributes = [],
        };
    }
}
