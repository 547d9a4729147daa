using System.Globalization;
using System.Text.Json;
using Keel.Core.Domain;
using Keel.Core.Ensembles;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Strategies;

namespace Keel.Live.Config;

/// <summary>
/// Reads and validates the service's config file at start-up. Every problem is collected and reported
/// at once, each naming the key and what to write, so a bad config fails before anything trades.
/// </summary>
public static class LiveConfigLoader
{
    public static LiveSettings Load(string path, Func<string, string?>? environment = null)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new LiveConfigException($"Config file {full} does not exist; see examples/paper-sim.json for a complete one.");
        LiveConfigFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(full), LiveConfigJsonContext.Default.LiveConfigFile);
        }
        catch (JsonException ex)
        {
            throw new LiveConfigException($"{full}: {Describe(ex)}");
        }
        if (file is null) throw new LiveConfigException($"{full}: the file is empty; see examples/paper-sim.json.");
        return Validate(file, Path.GetDirectoryName(full)!, full, environment);
    }

    /// <summary>Built-ins plus the user's strategies; each file that does not load is a problem with its compiler errors.</summary>
    private static StrategyRegistry UserRegistry(List<string>? paths, string baseDirectory, List<string> problems)
    {
        try
        {
            var folders = paths is { Count: > 0 }
                ? StrategyFolders.Resolve(paths, baseDirectory)
                : StrategyFolders.Resolve(null, Environment.CurrentDirectory);
            var catalog = UserStrategyLoader.Load(folders);
            foreach (var broken in catalog.Broken) problems.AddRange(broken.Errors.Select(e => $"strategyPaths: {e}"));
            return catalog.Registry;
        }
        catch (DirectoryNotFoundException ex)
        {
            problems.Add($"strategyPaths: {ex.Message}");
            return StrategyRegistry.Default;
        }
    }

        internal static LiveSettings Validate(LiveConfigFile file, string baseDirectory, string source, Func<string, string?>? environment = null)
    {
        var problems = new List<string>();
        T? Try<T>(string key, Func<T> parse) where T : class
        {
            try { return parse(); }
            catch (Exception ex) when (ex is FormatException or ArgumentException) { problems.Add($"{key}: {ex.Message}"); return null; }
        }

        var mode = (file.Mode ?? "paper").Trim().ToLowerInvariant() switch
        {
            "paper" => TradingMode.Paper,
            "live" => TradingMode.Live,
            var other => Problem(problems, $"mode: '{other}' is not a mode; write \"paper\" or \"live\"", TradingMode.Paper),
        };

        Timeframe? timeframe = null;
        if (file.Timeframe is null) problems.Add("timeframe: missing; write e.g. \"1Min\", \"15Min\", \"1Hour\" or \"1Day\"");
        else if (!Timeframe.TryParse(file.Timeframe, out var tf, out var tfError)) problems.Add($"timeframe: {tfError}");
        else timeframe = tf;

        var symbols = new List<Symbol>();
        if (file.Symbols is not { Count: > 0 }) problems.Add("symbols: missing; list at least one, e.g. [\"SPY\", \"BTC/USD\"]");
        else
        {
            foreach (var text in file.Symbols)
            {
                if (Try($"symbols: '{text}'", () => Symbol.Parse(text)) is { } symbol)
                {
                    if (symbols.Contains(symbol)) problems.Add($"symbols: {symbol} is listed twice");
                    else symbols.Add(symbol);
                }
            }
        }

        var registry = UserRegistry(file.StrategyPaths, baseDirectory, problems);
        var strategies = new List<IStrategySpec>();
        if (file.Strategies is not { Count: > 0 }) problems.Add("strategies: missing; list at least one, e.g. [\"sma-crossover:fast=10,slow=30\"]");
        else
        {
            foreach (var entry in file.Strategies)
            {
                if (Try($"strategies: '{entry.Strategy}'", () => StrategyText.ParseList(entry.Strategy, registry)) is not { } specs) continue;
                if (entry.Id is null) strategies.AddRange(specs);
                else if (StrategyIdProblem(entry, specs) is { } problem) problems.Add(problem);
                else strategies.Add(specs[0] switch
                {
                    StrategySpec single => single.WithId(entry.Id),
                    EnsembleSpec ensemble => ensemble.WithId(entry.Id),
                    var other => other,
                });
            }
            foreach (var duplicate in strategies.GroupBy(s => s.Id).Where(g => g.Count() > 1))
                problems.Add($"strategies: {duplicate.Key} is listed twice (give each an id of its own)");
        }

        var risk = ReadRisk(file.Risk, problems, Try);
        var capital = GatesConfigReader.ReadCapital(file.Capital, problems);
        var gates = GatesConfigReader.ReadGates(file.Gates, problems);
        if (file.Dashboard is { } dashboard && dashboard.Port is not (>= 1 and <= 65535))
            problems.Add($"dashboard.port: expected a port from 1 to 65535, e.g. \"dashboard\": {{ \"port\": 5080 }}, got {dashboard.Port?.ToString(CultureInfo.InvariantCulture) ?? "none"}");

        var alpaca = file.Alpaca ?? new LiveConfigFile.AlpacaSection();
        var tradingUrl = Url(alpaca.TradingUrl, "alpaca.tradingUrl", problems);
        var dataUrl = Url(alpaca.DataUrl, "alpaca.dataUrl", problems);
        var feed = (alpaca.Feed ?? "iex").Trim().ToLowerInvariant();
        if (feed is not ("iex" or "sip")) problems.Add($"alpaca.feed: '{alpaca.Feed}' is not a feed; write \"iex\" or \"sip\"");
        if (alpaca.FillTimeoutSeconds is <= 0) problems.Add("alpaca.fillTimeoutSeconds: must be positive");
        if (alpaca.CryptoMinimumNotional is < 0) problems.Add("alpaca.cryptoMinimumNotional: cannot be negative");
        if (mode == TradingMode.Paper && tradingUrl is { Host: "api.alpaca.markets" })
            problems.Add("alpaca.tradingUrl: points at the LIVE endpoint while mode is \"paper\"; use https://paper-api.alpaca.markets or remove it");

        var schedule = file.Schedule ?? new LiveConfigFile.ScheduleSection();
        if (schedule.PollSeconds is <= 0) problems.Add("schedule.pollSeconds: must be positive");
        else if (timeframe is { } frame && TimeSpan.FromSeconds(schedule.PollSeconds ?? 10) >= frame.Duration)
            problems.Add($"schedule.pollSeconds: {schedule.PollSeconds ?? 10} s is not shorter than a {frame} bar; bars would be missed (only each symbol's newest bar is traded)");
        if (schedule.SettleSeconds is < 0) problems.Add("schedule.settleSeconds: cannot be negative");
        if (schedule.WarmUpBars is < 0) problems.Add("schedule.warmUpBars: cannot be negative");

        var store = file.Store ?? new LiveConfigFile.StoreSection();
        if (string.IsNullOrWhiteSpace(store.Sqlite) && string.IsNullOrWhiteSpace(store.Postgres))
            problems.Add("store: missing; write {\"sqlite\": \"data/keel.db\"} (or a PostgreSQL connection string under \"postgres\")");

        var alerts = AlertConfigReader.Read(file.Alerts, baseDirectory, environment ?? AlertConfigReader.DefaultEnvironment(), problems);

        if (problems.Count > 0)
            throw new LiveConfigException($"{source} cannot run:\n  - " + string.Join("\n  - ", problems));

        return new LiveSettings
        {
            Mode = mode,
            TradingUrl = tradingUrl,
            DataUrl = dataUrl,
            Feed = feed,
            Timeframe = timeframe!.Value,
            Symbols = symbols,
            Strategies = strategies,
            Risk = risk!,
            SqlitePath = Path.GetFullPath(store.Sqlite ?? "keel.db", baseDirectory),
            PostgresConnectionString = string.IsNullOrWhiteSpace(store.Postgres) ? null : store.Postgres,
            PollInterval = TimeSpan.FromSeconds(schedule.PollSeconds ?? 10),
            SettleTimeout = TimeSpan.FromSeconds(schedule.SettleSeconds ?? 30),
            WarmUpBars = schedule.WarmUpBars ?? 300,
            FillTimeout = TimeSpan.FromSeconds(alpaca.FillTimeoutSeconds ?? 120),
            CryptoMinimumNotional = alpaca.CryptoMinimumNotional ?? 10m,
            LogDirectory = Path.GetFullPath(file.Logs ?? "logs", baseDirectory),
            Alerts = alerts,
            Capital = capital,
            Gates = gates,
            DashboardPort = file.Dashboard?.Port,
        };
    }

    private static RiskConfig? ReadRisk(LiveConfigFile.RiskSection? section, List<string> problems, Func<string, Func<Sizing>, Sizing?> tryParse)
    {
        section ??= new LiveConfigFile.RiskSection();
        var sizing = section.Sizing is null ? Sizing.Default : tryParse("risk.sizing", () => Sizing.Parse(section.Sizing));
        var cryptoSizing = section.CryptoSizing is null ? null : tryParse("risk.cryptoSizing", () => Sizing.Parse(section.CryptoSizing));
        if (sizing is null || section.CryptoSizing is not null && cryptoSizing is null) return null;
        var risk = new RiskConfig
        {
            Sizing = sizing,
            CryptoSizing = cryptoSizing,
            MaxPositionSize = section.MaxPositionSize,
            MaxNotionalPerOrder = section.MaxNotionalPerOrder,
            MaxOpenPositions = section.MaxOpenPositions,
            StopLossPercent = section.StopLossPercent,
            TakeProfitPercent = section.TakeProfitPercent,
            TrailingStopPercent = section.TrailingStopPercent,
            DailyLossLimitPercent = section.DailyLossLimitPercent,
            ScaleSizeByConfidence = section.ScaleSizeByConfidence ?? false,
        };
        foreach (var problem in risk.Problems()) problems.Add("risk: " + Camel(problem));
        return risk;
    }

    private static Uri? Url(string? text, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return url;
        problems.Add($"{key}: '{text}' is not an http(s) URL");
        return null;
    }

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }

    /// <summary>An id names one strategy, in letters, digits and <c>.-_</c>, so it reads well in logs and the store.</summary>
    private static string? StrategyIdProblem(StrategyEntry entry, IReadOnlyList<IStrategySpec> specs)
    {
        if (specs.Count != 1) return $"strategies: id '{entry.Id}' names {specs.Count} strategies ('{entry.Strategy}'); give each its own entry and id";
        var id = entry.Id!;
        if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return $"strategies: id '{id}' must be 1 to 64 letters, digits, '-', '_' or '.'";
        return null;
    }

    /// <summary>RiskConfig names its properties in PascalCase; the file's keys are camelCase.</summary>
    private static string Camel(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}: ") : "";
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        // System.Text.Json names .NET types (LiveConfigFile+RiskSection); say it in the file's words.
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && ex.Path is { Length: > 1 } unknown)
            message = $"'{unknown[(unknown.LastIndexOf('.') + 1)..]}' is not a known key here (a misspelling?); see examples/paper-sim.json for the keys";
        else if (message.Contains("could not be converted to", StringComparison.Ordinal))
            message = "this value has the wrong kind" + (message.Contains("number", StringComparison.OrdinalIgnoreCase) || message.Contains("Decimal", StringComparison.Ordinal) || message.Contains("Int32", StringComparison.Ordinal) ? ": expected a number" : message.Contains("Boolean", StringComparison.Ordinal) ? ": expected true or false" : "");
        return where + message + (ex.Path is { Length: > 1 } path ? $" (at {path})" : "");
    }
}
