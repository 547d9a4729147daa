using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;

namespace Keel.Alpaca.Http;

/// <summary>
/// One HTTP exchange with Alpaca: adds the auth headers, bounds the whole call (every attempt and wait), turns error
/// answers into <see cref="AlpacaApiException"/> and lost answers into <see cref="AlpacaTransportException"/>.
/// Retries are not made here but by the handler under the <see cref="HttpClient"/> (<see cref="AlpacaHandlers"/>:
/// <see cref="AlpacaResilience"/>, whichever way the client was built), so there is one retry policy.
/// </summary>
internal sealed class AlpacaHttp
{
    private const string KeyIdHeader = "APCA-API-KEY-ID";
    private const string SecretKeyHeader = "APCA-API-SECRET-KEY";
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly AlpacaOptions _options;
    private readonly HttpClient _http;

    public AlpacaHttp(AlpacaOptions options, HttpClient http)
    {
        _options = options;
        _http = http;
    }

    /// <summary>GET (retried by the handler); 404 gives null when <paramref name="nullOnNotFound"/>.</summary>
    public async Task<T?> GetAsync<T>(Uri host, string pathAndQuery, JsonTypeInfo<T> type, CancellationToken ct, bool nullOnNotFound = false)
        where T : class
    {
        var describe = Describe(HttpMethod.Get, pathAndQuery);
        using var response = await SendAsync(HttpMethod.Get, host, pathAndQuery, null, ct).ConfigureAwait(false);
        if (nullOnNotFound && response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync(response, type, describe, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the request. Whether it is repeated after a transient failure is the retry handler's decision
    /// (<see cref="AlpacaResilience"/>, below in the HTTP stack): GETs and cancels are, nothing else.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri host, string pathAndQuery, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(host, pathAndQuery)) { Content = content };
        request.Headers.TryAddWithoutValidation(KeyIdHeader, _options.KeyId);
        request.Headers.TryAddWithoutValidation(SecretKeyHeader, _options.SecretKey);
        request.Headers.Accept.ParseAdd("application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new AlpacaTransportException($"Alpaca {Describe(method, pathAndQuery)} timed out after {_options.RequestTimeout.TotalSeconds:0.###} s.", ex);
        }
        catch (TimeoutException ex)
        {
            // The last attempt timed out in the handler below (AttemptTimeoutHandler).
            throw new AlpacaTransportException($"Alpaca {Describe(method, pathAndQuery)} timed out: {Scrub(ex.Message)}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AlpacaTransportException($"Alpaca {Describe(method, pathAndQuery)}: connection failed ({Scrub(ex.Message)}).", ex);
        }
    }

    public static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>Deserializes a success answer, or throws the error it carries.</summary>
    public async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string describe, CancellationToken ct)
    {
        await ThrowIfErrorAsync(response, describe, ct).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, type, ct).ConfigureAwait(false)
                   ?? throw new AlpacaApiException(response.StatusCode, (int)response.StatusCode, "empty body", describe);
        }
    }

    public async Task ThrowIfErrorAsync(HttpResponseMessage response, string describe, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        AlpacaErrorBody? body = null;
        try
        {
            if (text.TrimStart().StartsWith('{')) body = JsonSerializer.Deserialize(text, AlpacaJsonContext.Default.AlpacaErrorBody);
        }
        catch (JsonException)
        {
            // Not Alpaca's error shape (a proxy's HTML page, say): fall back to the raw text below.
        }
        var message = body?.Message ?? (text.Length > 200 ? text[..200] : text);
        if (string.IsNullOrWhiteSpace(message)) message = response.ReasonPhrase ?? "no message";
        throw new AlpacaApiException(response.StatusCode, body?.Code ?? (int)response.StatusCode, Scrub(message), describe, body);
    }

    public static string Describe(HttpMethod method, string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return $"{method} {(query < 0 ? pathAndQuery : pathAndQuery[..query])}";
    }

    /// <summary>Belt and braces: whatever text reaches an exception or a log, the keys are not in it.</summary>
    public string Scrub(string text)
    {
        if (_options.SecretKey.Length > 0) text = text.Replace(_options.SecretKey, "***", StringComparison.Ordinal);
        if (_options.KeyId.Length > 0) text = text.Replace(_options.KeyId, "***", StringComparison.Ordinal);
        return text;
    }
}
