using System.Net;
using Keel.Core.Trading;

namespace Keel.Alpaca;

/// <summary>
/// Alpaca answered with an error. <see cref="Code"/> is Alpaca's 8-digit code (the HTTP status when the
/// body has none, as the official SDK does). The message names the request and Alpaca's words, never
/// the keys.
/// </summary>
public sealed class AlpacaApiException : BrokerException
{
    public HttpStatusCode HttpStatus { get; }
    public long Code { get; }
    /// <summary>Alpaca's own message, e.g. "insufficient buying power".</summary>
    public string ApiMessage { get; }
    /// <summary>Method and path of the failed request, e.g. "POST /v2/orders".</summary>
    public string Request { get; }
    /// <summary>Extras such as buying_power, held_for_orders or reject_reason, when Alpaca sent them.</summary>
    public Models.AlpacaErrorBody? Body { get; }

    public AlpacaApiException(HttpStatusCode httpStatus, long code, string apiMessage, string request, Models.AlpacaErrorBody? body = null)
        : base($"Alpaca {request} failed: HTTP {(int)httpStatus} {apiMessage} (code {code}).")
    {
        HttpStatus = httpStatus;
        Code = code;
        ApiMessage = apiMessage;
        Request = request;
        Body = body;
    }

    /// <summary>422 with code 40010001 and this message: an order with that client_order_id already exists.</summary>
    public bool IsDuplicateClientOrderId =>
        (int)HttpStatus == 422 && ApiMessage.Contains("client_order_id must be unique", StringComparison.OrdinalIgnoreCase);

    public bool IsNotFound => HttpStatus == HttpStatusCode.NotFound;

    /// <summary>Rate limited (429) or a server error (5xx): the same request may work a moment later.</summary>
    public override bool IsTransient => HttpStatus is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;
}
