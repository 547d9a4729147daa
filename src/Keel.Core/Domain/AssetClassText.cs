namespace Keel.Core.Domain;

/// <summary>The words a user writes for an asset class (<c>--asset-class equity|crypto|fx|future</c>) and reads in results.</summary>
public static class AssetClassText
{
    public const string Choices = "equity, crypto, fx or future";

    public static string Name(AssetClass assetClass) => assetClass switch
    {
        AssetClass.UsEquity => "equity",
        AssetClass.Crypto => "crypto",
        AssetClass.Fx => "fx",
        _ => "future",
    };

    public static AssetClass Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "equity" or "equities" or "stock" or "stocks" or "us_equity" => AssetClass.UsEquity,
        "crypto" => AssetClass.Crypto,
        "fx" or "forex" => AssetClass.Fx,
        "future" or "futures" => AssetClass.Future,
        _ => throw new FormatException($"asset class '{text}' is unknown; use {Choices}."),
    };
}
