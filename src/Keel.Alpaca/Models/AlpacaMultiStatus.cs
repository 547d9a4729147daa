namespace Keel.Alpaca.Models;

/// <summary>One item of the 207 answer to DELETE /v2/orders: the order id and its own HTTP status.</summary>
public sealed record AlpacaCancelResult
{
    public string Id { get; init; } = "";
    public int Status { get; init; }
    public AlpacaErrorBody? Body { get; init; }
}

/// <summary>One item of the 207 answer to DELETE /v2/positions: the symbol, its status and the closing order (or an error).</summary>
public sealed record AlpacaClosePositionResult
{
    public string Symbol { get; init; } = "";
    public int Status { get; init; }
    public AlpacaOrder? Body { get; init; }
}
