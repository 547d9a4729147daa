using System.CommandLine;
using System.Globalization;
using Keel.Alpaca;
using Keel.Alpaca.Models;
using Keel.Core.Domain;
using Keel.Data.Store;
using Spectre.Console;
using Symbol = Keel.Core.Domain.Symbol;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel data download</c>: bars from Alpaca's market-data API into the local bar store, every page
/// followed. Incremental: a series already in the store resumes at its last bar (fetched again, because
/// the last bar may have been still forming), so a repeated run asks only for what is new.
/// </summary>
internal static class DataDownloadCommand
{
    public static Command Create()
    {
        var symbols = new Option<string>("--symbols", "--symbol") { Description = "Symbols, comma-separated: AAPL,SPY,BTC/USD (crypto pairs with a slash).", Required = true };
        var timeframe = new Option<string>("--timeframe") { Description = "Bar timeframe: 1Min, 5Min, 15Min, 1Hour, 1Day, ...", DefaultValueFactory = _ => "1Day" };
        var start = new Option<string?>("--start") { Description = "First time to fetch (2015-01-01 or ISO 8601, UTC) when the store has nothing for a symbol; stored series resume at their last bar." };
        var end = new Option<string?>("--end") { Description = "Last time to fetch (default: now)." };
        var store = new Option<string>("--store") { Description = "Local bar store folder.", DefaultValueFactory = _ => DataOptions.DefaultStore };
        var feed = new Option<string>("--feed") { Description = "Stock data feed: iex (free plan) or sip (all US exchanges; paid plan for recent data).", DefaultValueFactory = _ => "iex" };
        feed.AcceptOnlyFromAmong("iex", "sip");
        var adjustment = new Option<string>("--adjustment")
        {
            Description = "Stock price adjustment: raw, split or all (splits and dividends). Default split. Later incremental runs do not re-adjust stored history.",
            DefaultValueFactory = _ => "split",
        };
        adjustment.AcceptOnlyFromAmong("raw", "split", "all");
        var command = new Command("download", "Download bars from Alpaca into the local bar store; a repeated run fetches only what is new. Keys from ALPACA_API_KEY_ID/ALPACA_API_SECRET_KEY or .env.")
        {
            symbols, timeframe, start, end, store, feed, adjustment,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new DownloadRequest(
                Symbols: ParseSymbols(parse.GetValue(symbols)!),
                Timeframe: Timeframe.Parse(parse.GetValue(timeframe)!),
                Start: ParseTime(parse.GetValue(start), "--start"),
                End: ParseTime(parse.GetValue(end), "--end"),
                Feed: parse.GetValue(feed)!,
                Adjustment: parse.GetValue(adjustment)!);
            if (request.Start is { } s && request.End is { } e && s >= e)
                throw new UsageException($"--start ({s:O}) must be before --end ({e:O}).");
            using var client = new AlpacaClient(ReadOptions());
            return await DownloadAllAsync(client, new LocalBarStore(parse.GetValue(store)!), request, ct);
        });
        return command;
    }

    private sealed record DownloadRequest(IReadOnlyList<Symbol> Symbols, Timeframe Timeframe, DateTimeOffset? Start, DateTimeOffset? End, string Feed, string Adjustment);

    /// <summary>Keys and URLs from the environment and .env; a missing key is a usage error that names the variable, never the value.</summary>
    private static AlpacaOptions ReadOptions()
    {
        try
        {
            var options = AlpacaOptions.FromEnvironment();
            options.Validate();
            return options;
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message + " Keys come from the environment or a .env file in the current folder.");
        }
    }

    private static async Task<int> DownloadAllAsync(AlpacaClient client, LocalBarStore store, DownloadRequest request, CancellationToken ct)
    {
        var report = new List<string>();
        string? failure = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                foreach (var symbol in request.Symbols)
                {
                    var task = progress.AddTask(Markup.Escape($"{symbol} {request.Timeframe}"), maxValue: 1);
                    try
                    {
                        report.Add(await DownloadOneAsync(client, store, symbol, request, fraction => task.Value = fraction, ct));
                    }
                    catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException or InvalidDataException)
                    {
                        failure = Describe(symbol, request.Timeframe, ex);
                        return; // series already stored stay stored; the rest are not attempted
                    }
                    finally
                    {
                        task.StopTask();
                    }
                }
            });
        foreach (var line in report) AnsiConsole.WriteLine(line);
        if (failure is null) return ExitCodes.Success;
        await Console.Error.WriteLineAsync($"error: {failure}");
        return ExitCodes.Failure;
    }

    /// <summary>Fetches one series page by page, merges it into the store and says what changed.</summary>
    private static async Task<string> DownloadOneAsync(AlpacaClient client, LocalBarStore store, Symbol symbol, DownloadRequest request,
        Action<double> reportProgress, CancellationToken ct)
    {
        var stored = store.TryLoad(symbol, request.Timeframe);
        DateTime? lastStored = stored is null ? null : stored[stored.Count - 1].Timestamp;
        var from = ResumeFrom(symbol, stored, request);
        var name = $"{symbol} {request.Timeframe}";
        if (lastStored is { } storedUpTo && request.End <= from)
            return $"{name}: 0 new bars (the store already holds bars up to {Text(storedUpTo)}, after --end).";
        var until = request.End ?? TimeProvider.System.GetUtcNow();
        var barsRequest = new AlpacaBarsRequest
        {
            Timeframe = request.Timeframe,
            Start = from,
            End = request.End,
            Limit = 10_000,
            Feed = request.Feed,
            Adjustment = request.Adjustment,
        };

        var bars = new List<Bar>();
        string? pageToken = null;
        do
        {
            var (page, nextToken) = await FetchPageAsync(client, symbol, barsRequest, pageToken, ct);
            foreach (var bar in page) bars.Add(AlpacaBarConversion.ToBar(bar, symbol, request.Timeframe));
            if (bars.Count > 0) reportProgress(Fraction(from, until, bars[^1].Timestamp));
            pageToken = nextToken;
        } while (!string.IsNullOrEmpty(pageToken));
        reportProgress(1);

        var merged = store.Merge(new BarSeries(symbol, request.Timeframe, [.. bars]));
        var added = merged.Count - (stored?.Count ?? 0); // a merge never drops stored bars
        if (merged.Count == 0)
            return $"{name}: no bars from Alpaca from {Text(from)} (check the symbol, --feed and the dates).";
        if (lastStored is { } upToDate && added == 0)
            return $"{name}: 0 new bars (up to date since {Text(upToDate)}).";
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: {added} new bars; the store holds {merged.Count} bars, {Text(merged[0].Timestamp)} .. {Text(merged[merged.Count - 1].Timestamp)}.");
    }

    /// <summary>
    /// Where to start: the requested --start when nothing is stored; otherwise the last stored bar, whatever
    /// --start says (inclusive, so a bar that was still forming is corrected). The store keeps one unbroken
    /// history per series, so earlier history means removing the file and downloading again.
    /// </summary>
    private static DateTimeOffset ResumeFrom(Symbol symbol, BarSeries? stored, DownloadRequest request)
    {
        if (stored is null)
            return request.Start ?? throw new UsageException($"The store has no {request.Timeframe} bars for {symbol}; give --start to say where its history begins.");
        return new DateTimeOffset(stored[stored.Count - 1].Timestamp, TimeSpan.Zero);
    }

    /// <summary>One page: stocks through the stock bars endpoint, crypto through v1beta3 crypto bars.</summary>
    private static async Task<(IReadOnlyList<AlpacaBar> Bars, string? NextToken)> FetchPageAsync(
        AlpacaClient client, Symbol symbol, AlpacaBarsRequest request, string? pageToken, CancellationToken ct)
    {
        var apiSymbol = AlpacaSymbols.ToApi(symbol);
        if (!symbol.IsCrypto)
        {
            var page = await client.GetStockBarsPageAsync(apiSymbol, request, pageToken, ct);
            return (page.Bars ?? [], page.NextPageToken);
        }
        var cryptoPage = await client.GetMultiBarsPageAsync(crypto: true, [apiSymbol], request, pageToken, ct);
        return (cryptoPage.Bars?.GetValueOrDefault(apiSymbol) ?? [], cryptoPage.NextPageToken);
    }

    private static double Fraction(DateTimeOffset from, DateTimeOffset until, DateTime reached) =>
        until <= from ? 1 : Math.Clamp((reached - from.UtcDateTime).TotalSeconds / (until - from).TotalSeconds, 0, 1);

    private static IReadOnlyList<Symbol> ParseSymbols(string text)
    {
        var symbols = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Symbol.Parse).Distinct().ToList();
        return symbols.Count > 0 ? symbols : throw new UsageException("--symbols needs at least one symbol, e.g. AAPL,SPY,BTC/USD.");
    }

    private static DateTimeOffset? ParseTime(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new UsageException($"{option} '{text}' is not a date or time; use 2015-01-01 or 2015-01-01T14:30:00Z.");
    }

    private static string Describe(Symbol symbol, Timeframe timeframe, Exception failure) => failure switch
    {
        AlpacaApiException api => $"{symbol} {timeframe}: {api.Message}" + ((int)api.HttpStatus is 401 or 403
            ? " Check the keys, and --feed: the free plan has only iex for recent data."
            : ""),
        AlpacaTransportException lost => $"{symbol} {timeframe}: no answer from Alpaca: {lost.Message}",
        _ => failure.Message, // already names the symbol and time
    };

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Text(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
