using System.Text.Json.Serialization.Metadata;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Trading;

namespace Keel.AlpacaSim.Http;

/// <summary>Alpaca-shaped answers: JSON bodies through the shared source-generated context, errors as {code, message}.</summary>
internal static class ApiResults
{
    public static IResult Ok<T>(T value, JsonTypeInfo<T> type, int status = 200) => Results.Json(value, type, statusCode: status);

    public static IResult Error(SimError error) =>
        Results.Json(error.Body, AlpacaJsonContext.Default.AlpacaErrorBody, statusCode: error.Status);

    /// <summary>Market-data errors carry only a message.</summary>
    public static IResult DataError(int status, string message) =>
        Results.Json(new AlpacaErrorBody { Message = message }, AlpacaJsonContext.Default.AlpacaErrorBody, statusCode: status);

    public static IResult Invalid(string message) => Error(SimError.Invalid(message));
}
