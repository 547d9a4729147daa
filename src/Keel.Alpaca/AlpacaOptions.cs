using Microsoft.Extensions.Configuration;

namespace Keel.Alpaca;

/// <summary>
/// Where and as whom to talk to Alpaca, and how patiently. Build it with <see cref="FromEnvironment"/> or
/// <see cref="FromConfiguration"/>, then call <see cref="Validate"/>. <see cref="ToString"/> never shows the keys.
/// </summary>
public sealed class AlpacaOptions
{
    public const string KeyIdVariable = "ALPACA_API_KEY_ID";
    public const string SecretKeyVariable = "ALPACA_API_SECRET_KEY";
    public const string PaperVariable = "ALPACA_PAPER";
    public const string TradingUrlVariable = "ALPACA_TRADING_URL";
    public const string DataUrlVariable = "ALPACA_DATA_URL";

    public static readonly Uri PaperTradingUrl = new("https://paper-api.alpaca.markets");
    public static readonly Uri LiveTradingUrl = new("https://api.alpaca.markets");
    public static readonly Uri DefaultDataUrl = new("https://data.alpaca.markets");

    public string KeyId { get; set; } = "";
    public string SecretKey { get; set; } = "";

    /// <summary>Paper trading unless explicitly turned off: a live account must be asked for.</summary>
    public bool Paper { get; set; } = true;

    /// <summary>Overrides the trading host (for example the local Alpaca-compatible server).</summary>
    public Uri? TradingBaseUrl { get; set; }

    /// <summary>Overrides the market-data host.</summary>
    public Uri? DataBaseUrl { get; set; }

    /// <summary>How long one HTTP attempt may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of reads on 429/502/503/504 and dropped connections (the C# SDK uses 5).</summary>
    public int MaxReadRetries { get; set; } = 5;

    /// <summary>First backoff delay when the server does not say how long to wait; doubles each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, whatever Retry-After asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    public Uri EffectiveTradingUrl => TradingBaseUrl ?? (Paper ? PaperTradingUrl : LiveTradingUrl);
    public Uri EffectiveDataUrl => DataBaseUrl ?? DefaultDataUrl;

    /// <summary>
    /// Reads the ALPACA_* variables; values in <paramref name="dotEnvPath"/> (if the file exists) fill
    /// in what the environment does not set. <paramref name="getVariable"/> replaces the process
    /// environment in tests.
    /// </summary>
    public static AlpacaOptions FromEnvironment(string? dotEnvPath = ".env", Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var dotEnv = dotEnvPath is not null && File.Exists(dotEnvPath)
            ? DotEnvFile.Read(dotEnvPath)
            : new Dictionary<string, string>();
        return FromLookup(name => getVariable(name) is { Length: > 0 } value ? value : dotEnv.GetValueOrDefault(name));
    }

    /// <summary>
    /// Reads a configuration section with keys KeyId, SecretKey, Paper, TradingBaseUrl, DataBaseUrl
    /// (for example "Alpaca" in appsettings.json); the ALPACA_* names are accepted as well.
    /// </summary>
    public static AlpacaOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Get(string key, string variable) => configuration[key] is { Length: > 0 } v ? v : configuration[variable];
        var options = FromLookup(name => name switch
        {
            KeyIdVariable => Get("KeyId", KeyIdVariable),
            SecretKeyVariable => Get("SecretKey", SecretKeyVariable),
            PaperVariable => Get("Paper", PaperVariable),
            TradingUrlVariable => Get("TradingBaseUrl", TradingUrlVariable),
            DataUrlVariable => Get("DataBaseUrl", DataUrlVariable),
            _ => null,
        });
        return options;
    }

    private static AlpacaOptions FromLookup(Func<string, string?> lookup)
    {
        var options = new AlpacaOptions
        {
            KeyId = lookup(KeyIdVariable)?.Trim() ?? "",
            SecretKey = lookup(SecretKeyVariable)?.Trim() ?? "",
        };
        if (lookup(PaperVariable) is { Length: > 0 } paper)
            options.Paper = ParseBool(paper, PaperVariable);
        options.TradingBaseUrl = ParseUrl(lookup(TradingUrlVariable), TradingUrlVariable);
        options.DataBaseUrl = ParseUrl(lookup(DataUrlVariable), DataUrlVariable);
        return options;
    }

    /// <summary>Throws with every problem found, in words a user can act on; never echoes the keys.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(KeyId))
            problems.Add($"the API key id is missing (set {KeyIdVariable})");
        if (string.IsNullOrWhiteSpace(SecretKey))
            problems.Add($"the API secret key is missing (set {SecretKeyVariable})");
        CheckUrl(TradingBaseUrl, TradingUrlVariable, problems);
        CheckUrl(DataBaseUrl, DataUrlVariable, problems);
        if (RequestTimeout <= TimeSpan.Zero) problems.Add("RequestTimeout must be positive");
        if (MaxReadRetries < 0) problems.Add("MaxReadRetries cannot be negative");
        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero) problems.Add("retry delays cannot be negative");
        if (problems.Count > 0)
            throw new InvalidOperationException("Alpaca settings are not usable: " + string.Join("; ", problems) + ".");
    }

    public override string ToString() =>
        $"Alpaca {(Paper ? "paper" : "LIVE")} trading={EffectiveTradingUrl} data={EffectiveDataUrl} key={(KeyId.Length > 0 ? "set" : "missing")} secret={(SecretKey.Length > 0 ? "set" : "missing")}";

    private static void CheckUrl(Uri? url, string variable, List<string> problems)
    {
        if (url is not null && url.Scheme is not ("http" or "https"))
            problems.Add($"{variable} must be an http or https URL, got scheme '{url.Scheme}'");
    }

    private static bool ParseBool(string text, string variable) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new InvalidOperationException($"{variable} must be true or false, got '{text}'."),
    };

    private static Uri? ParseUrl(string? text, string variable)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Uri.TryCreate(text.Trim().TrimEnd('/'), UriKind.Absolute, out var url))
            throw new InvalidOperationException($"{variable} is not an absolute URL: '{text}'.");
        return url;
    }
}
