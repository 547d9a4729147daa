using System.Text.Json.Serialization;

namespace Keel.Alpaca.Models;

/// <summary>Alpaca's error body: an 8-digit code (missing on auth errors) and a message, sometimes with extras; absent fields are left out.</summary>
public sealed record AlpacaErrorBody
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Code { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Message { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? BuyingPower { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Symbol { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Available { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Balance { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? ExistingQty { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? HeldForOrders { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RejectReason { get; init; }
}
