using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Trading;

/// <summary>An Alpaca error answer: HTTP status plus the JSON body (code, message, extras).</summary>
public sealed record SimError(int Status, AlpacaErrorBody Body)
{
    public const long BadRequestCode = 40010001;
    public const long ForbiddenCode = 40310000;
    public const long NotFoundCode = 40410000;
    public const long UnprocessableCode = 42210000;
    public const long RateLimitCode = 42910000;

    /// <summary>422 for a malformed or missing field (Alpaca uses 40010001 here, not 422xxxxx).</summary>
    public static SimError Invalid(string message) => new(422, new AlpacaErrorBody { Code = BadRequestCode, Message = message });

    /// <summary>422 for a value or state Alpaca refuses (sub-penny, not open, already filled, ...).</summary>
    public static SimError Unprocessable(string message) => new(422, new AlpacaErrorBody { Code = UnprocessableCode, Message = message });

    public static SimError NotFound(string message) => new(404, new AlpacaErrorBody { Code = NotFoundCode, Message = message });

    public static SimError Forbidden(AlpacaErrorBody body) => new(403, body with { Code = ForbiddenCode });

    public static SimError DuplicateClientOrderId() => Invalid("client_order_id must be unique");
}
