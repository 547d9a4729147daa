using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Keel.Alpaca.Http;

/// <summary>
/// One HTTP exchange with Alpaca: adds the auth headers, applies the per-attempt timeout, turns error
/// answers into <see cref="AlpacaApiException"/> and lost answers into <see cref="AlpacaTransportException"/>.
/// GETs and cancels (DELETE of orders) go through the retry pipeline, the requests
/// <see cref="AlpacaResilience"/> (the policy of <c>AddAlpacaClient</c>) deems safe to repeat; everything
/// else is sent exactly once.
/// </summary>
internal sealed class AlpacaHttp
{
    private const string KeyIdHeader = "APCA-API-KEY-ID";
    private const string SecretKeyHeader = "APCA-API-SECRET-KEY";
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly AlpacaOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;

    public AlpacaHttp(AlpacaOptions options, HttpClient http, TimeProvider time, ILogger logger)
    {
        _options = options;
        _http = http;
        _time = time;
        _logger = logger;
        _readPipeline = BuildReadPipeline();
    }

    /// <summary>GET with retries; 404 gives null when <paramref name="nullOnNotFound"/>.</summary>
    public async Task<T?> GetAsync<T>(Uri host, string pathAndQuery, JsonTypeInfo<T> type, CancellationToken ct, bool nullOnNotFound = false)
        where T : class
    {
        var describe = Describe(HttpMethod.Get, pathAndQuery);
        using var response = await SendRepeatableAsync(HttpMethod.Get, host, pathAndQuery, ct).ConfigureAwait(false);
        if (nullOnNotFound && response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync(response, type, describe, ct).ConfigureAwait(false);
    }

    /// <summary>A request that is safe to repeat (a GET, a cancel), with retries; the caller reads and disposes the answer.</summary>
    public async Task<HttpResponseMessage> SendRepeatableAsync(HttpMethod method, Uri host, string pathAndQuery, CancellationToken ct)
    {
        var describe = Describe(method, pathAndQuery);
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(RequestKey, describe);
        try
        {
            var outcome = await _readPipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        var response = await state.http.SendOnceAsync(state.method, state.host, state.pathAndQuery, null, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (AlpacaTransportException ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (http: this, method, host, pathAndQuery)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends once (POST, PATCH, DELETE): no retry, whatever happens.</summary>
    public async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri host, string pathAndQuery, HttpContent? content, CancellationToken ct)
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
            // One attempt timed out in a handler below (AddAlpacaClient's per-attempt timeout).
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

    private static readonly ResiliencePropertyKey<string> RequestKey = new("alpaca.request");

    private ResiliencePipeline<HttpResponseMessage> BuildReadPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.MaxReadRetries <= 0) return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<AlpacaTransportException>()
                .HandleResult(r => IsRetryableStatus(r.StatusCode)),
            MaxRetryAttempts = _options.MaxReadRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = _options.RetryBaseDelay,
            MaxDelay = _options.MaxRetryDelay,
            DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, _time, _options.MaxRetryDelay)),
            OnRetry = args =>
            {
                var request = args.Context.Properties.GetValue(RequestKey, "GET");
                var outcome = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                Log.Retrying(_logger, request, outcome, args.AttemptNumber + 1, args.RetryDelay);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static bool IsRetryableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
