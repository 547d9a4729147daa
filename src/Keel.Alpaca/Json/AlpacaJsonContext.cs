using System.Text.Json.Serialization;
using Keel.Alpaca.Models;

namespace Keel.Alpaca.Json;

/// <summary>
/// Alpaca's wire format, source-generated: snake_case keys, decimals as strings (read from strings or
/// numbers), unknown fields ignored. Shared with the local Alpaca-compatible server so both ends speak
/// the same shapes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(DecimalStringConverter), typeof(NullableDecimalStringConverter), typeof(Rfc3339Converter)])]
[JsonSerializable(typeof(AlpacaAccount))]
[JsonSerializable(typeof(AlpacaOrder))]
[JsonSerializable(typeof(List<AlpacaOrder>))]
[JsonSerializable(typeof(AlpacaNewOrder))]
[JsonSerializable(typeof(AlpacaReplaceOrder))]
[JsonSerializable(typeof(AlpacaPosition))]
[JsonSerializable(typeof(List<AlpacaPosition>))]
[JsonSerializable(typeof(AlpacaClock))]
[JsonSerializable(typeof(List<AlpacaCalendarDay>))]
[JsonSerializable(typeof(AlpacaAsset))]
[JsonSerializable(typeof(List<AlpacaAsset>))]
[JsonSerializable(typeof(List<AlpacaFillActivity>))]
[JsonSerializable(typeof(List<AlpacaFeeActivity>))]
[JsonSerializable(typeof(AlpacaSymbolBarsPage))]
[JsonSerializable(typeof(AlpacaMultiBarsPage))]
[JsonSerializable(typeof(AlpacaSymbolQuote))]
[JsonSerializable(typeof(AlpacaLatestQuotes))]
[JsonSerializable(typeof(AlpacaErrorBody))]
[JsonSerializable(typeof(List<AlpacaCancelResult>))]
[JsonSerializable(typeof(List<AlpacaClosePositionResult>))]
[JsonSerializable(typeof(AlpacaStreamRequest))]
[JsonSerializable(typeof(AlpacaStreamReply))]
[JsonSerializable(typeof(AlpacaTradeUpdate))]
[JsonSerializable(typeof(AlpacaTradeUpdateMessage))]
public sealed partial class AlpacaJsonContext : JsonSerializerContext;
