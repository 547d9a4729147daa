using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Trading;

/// <summary>A long position (the sim does not short): quantity and volume-weighted entry price.</summary>
internal sealed class SimPosition
{
    public required string Symbol { get; init; }
    public required string AssetId { get; init; }
    public required AlpacaAssetClass AssetClass { get; init; }
    public decimal Qty { get; set; }
    public decimal AvgEntryPrice { get; set; }

    /// <summary>Key of /v2/positions: <c>BTCUSD</c>, <c>AAPL</c>.</summary>
    public string Key => Data.SimSymbols.PositionKey(Symbol);

    public void Buy(decimal qty, decimal price)
    {
        AvgEntryPrice = (AvgEntryPrice * Qty + price * qty) / (Qty + qty);
        Qty += qty;
    }

    public void Sell(decimal qty) => Qty -= qty;

    public AlpacaPosition ToAlpaca(decimal? mark, decimal heldForOrders)
    {
        var price = mark ?? AvgEntryPrice;
        var marketValue = Qty * price;
        var costBasis = Qty * AvgEntryPrice;
        var pl = marketValue - costBasis;
        var plpc = costBasis == 0 ? 0 : Math.Round(pl / costBasis, 10);
        return new AlpacaPosition
        {
            AssetId = AssetId,
            Symbol = Key,
            Exchange = AssetClass == AlpacaAssetClass.Crypto ? "CRYPTO" : "NASDAQ",
            AssetClass = AssetClass,
            Side = AlpacaPositionSide.Long,
            Qty = Qty,
            QtyAvailable = Qty - heldForOrders,
            AvgEntryPrice = AvgEntryPrice,
            MarketValue = marketValue,
            CostBasis = costBasis,
            UnrealizedPl = pl,
            UnrealizedPlpc = plpc,
            UnrealizedIntradayPl = pl,
            UnrealizedIntradayPlpc = plpc,
            CurrentPrice = price,
            LastdayPrice = price,
            ChangeToday = 0,
        };
    }
}
