using Keel.Alpaca.Http;
using Keel.Alpaca.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Alpaca;

/// <summary>
/// Alpaca's REST API (trading and market data) over one <see cref="HttpClient"/>. Reads retry on
/// 429/502/503/504 and dropped connections, honouring Retry-After; order submission never retries
/// blindly (see <see cref="SubmitOrderAsync"/>). Waits go through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AlpacaClient : IDisposable
{
    private readonly AlpacaOptions _options;
    private readonly AlpacaHttp _http;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ILogger _logger;

    /// <param name="options">Validated here; throws with a clear message when unusable.</param>
    /// <param name="httpClient">Shared client to use (its own timeout should be infinite or long); one is created when null.</param>
    /// <param name="timeProvider">Clock for retry waits; the system clock when null.</param>
    public AlpacaClient(AlpacaOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        if (httpClient is null)
        {
            _ownedHttpClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }
        _http = new AlpacaHttp(options, httpClient ?? _ownedHttpClient!, timeProvider ?? TimeProvider.System, _logger);
    }

    public AlpacaOptions Options => _options;

    private Uri Trading => _options.EffectiveTradingUrl;
    private Uri Data => _options.EffectiveDataUrl;

    private static AlpacaJsonContext Json => AlpacaJsonContext.Default;

    private static string Segment(string value) => Uri.EscapeDataString(value);

    public void Dispose() => _ownedHttpClient?.Dispose();

    public override string ToString() => $"AlpacaClient({_options})";
}
