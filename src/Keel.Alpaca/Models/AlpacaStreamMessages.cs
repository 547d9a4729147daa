using System.Text.Json.Serialization;

namespace Keel.Alpaca.Models;

/// <summary>What a client sends on the trading stream: <c>authenticate</c> (keys) or <c>listen</c> (streams).</summary>
public sealed record AlpacaStreamRequest
{
    public string Action { get; init; } = "";
    public AlpacaStreamRequestData Data { get; init; } = new();
}

public sealed record AlpacaStreamRequestData
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? KeyId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SecretKey { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Streams { get; init; }
}

/// <summary>A control answer on the trading stream: <c>authorization</c> (status) or <c>listening</c> (streams).</summary>
public sealed record AlpacaStreamReply
{
    public string Stream { get; init; } = "";
    public AlpacaStreamReplyData Data { get; init; } = new();
}

public sealed record AlpacaStreamReplyData
{
    /// <summary><c>authorized</c> or <c>unauthorized</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Action { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Streams { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }
}

/// <summary>A <c>trade_updates</c> message: <c>{"stream":"trade_updates","data":{...}}</c>.</summary>
public sealed record AlpacaTradeUpdateMessage
{
    public string Stream { get; init; } = "trade_updates";
    public AlpacaTradeUpdate Data { get; init; } = new();
}
