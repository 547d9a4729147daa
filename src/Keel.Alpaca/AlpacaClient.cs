using Keel.Alpaca.Http;
using Keel.Alpaca.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Alpaca;

/// <summary>
/// Alpaca's REST API (trading and market data) over one <see cref="HttpClient"/>. Reads and cancels retry on
/// 429/502/503/504 and dropped connections, honouring Retry-After; order submission never retries blindly
/// (see <see cref="SubmitOrderAsync"/>). The retries are one policy (<see cref="AlpacaResilience"/>) in the
/// HTTP stack under the client, the same whether it was built here or by <c>AddAlpacaClient</c>. Waits go
/// through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AlpacaClient : IDisposable
{
    private readonly AlpacaOptions _options;
    private readonly AlpacaHttp _http;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ILogger _logger;

    /// <summary>A client with its own HTTP stack: the service's retry and timeout handlers over a pooled connection.</summary>
    /// <param name="options">Validated here; throws with a clear message when unusable.</param>
    /// <param name="timeProvider">Clock for retry waits; the system clock when null.</param>
    /// <param name="primaryHandler">The connection at the bottom of the stack (tests put a faulty one there); a pooled socket handler when null.</param>
    public AlpacaClient(AlpacaOptions options, TimeProvider? timeProvider = null, ILogger? logger = null, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        var primary = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _ownedHttpClient = new HttpClient(AlpacaHandlers.Create(options, timeProvider ?? TimeProvider.System, _logger, primary))
        {
            Timeout = Timeout.InfiniteTimeSpan, // the client and the handlers time each call
        };
        _http = new AlpacaHttp(AlpacaHandlers.ClientOptions(options), _ownedHttpClient);
    }

    /// <summary>A client over <paramref name="httpClient"/>, whose handlers (AddAlpacaClient's) retry and time each attempt.</summary>
    internal AlpacaClient(AlpacaOptions options, HttpClient httpClient, ILogger? logger)
    {
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _http = new AlpacaHttp(AlpacaHandlers.ClientOptions(options), httpClient);
    }

    public AlpacaOptions Options => _options;

    private Uri Trading => _options.EffectiveTradingUrl;
    private Uri Data => _options.EffectiveDataUrl;

    private static AlpacaJsonContext Json => AlpacaJsonContext.Default;

    private static string Segment(string value) => Uri.EscapeDataString(value);

    public void Dispose() => _ownedHttpClient?.Dispose();

    public override string ToString() => $"AlpacaClient({_options})";
}
