using Keel.Core.Domain;
using Keel.Data.Csv;

namespace Keel.Data.Tests.Csv;

public class BarCsvReaderLayoutTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void Yahoo_uses_close_and_ignores_adjusted_close_by_default()
    {
        var path = _dir.File("orcl-2014.txt", """
            Date,Open,High,Low,Close,Adj Close,Volume
            2014-01-02,37.779999,38.029999,37.549999,37.840000,35.166069,18162100
            2014-01-03,37.650002,37.860001,37.560001,37.619999,35.072853,11693900

            """);

        var result = BarCsvReader.Load(path);

        result.Layout.ShouldBe(CsvLayout.Yahoo);
        result.Series.Symbol.ShouldBe(Symbol.Parse("ORCL"));
        result.Series.Timeframe.ShouldBe(Timeframe.OneDay);
        result.Series.Count.ShouldBe(2);
        var bar = result.Series[0];
        bar.Timestamp.ShouldBe(Utc(2014, 1, 2, 5)); // midnight New York in winter
        (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume).ShouldBe((37.779999, 38.029999, 37.549999, 37.84, 18162100));
        result.SkippedRows.ShouldBeEmpty();
    }

    [Fact]
    public void Yahoo_can_scale_prices_by_the_adjusted_close()
    {
        var path = _dir.File("x.csv", """
            Date,Open,High,Low,Close,Adj Close,Volume
            2014-01-02,40,44,38,42,21,100
            2014-01-03,42,42,42,42,21,100
            """);

        var bar = BarCsvReader.Load(path, new BarCsvOptions { UseAdjustedClose = true }).Series[0];

        (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume).ShouldBe((20.0, 22.0, 19.0, 21.0, 100.0));
    }

    [Fact]
    public void Adjusted_close_is_refused_for_files_without_the_column()
    {
        var path = _dir.File("x.csv", "Date,Open,High,Low,Close,Volume\n2014-01-02,1,1,1,1,1\n");
        Should.Throw<BarDataException>(() => BarCsvReader.Load(path, new BarCsvOptions { UseAdjustedClose = true }))
            .Message.ShouldContain("UseAdjustedClose needs an 'Adj Close' column");
    }

    [Fact]
    public void Date_and_time_columns_are_joined_and_read_in_new_york_time()
    {
        var path = _dir.File("2006-min-005.txt", """
            Date,Time,Open,High,Low,Close,Volume,OpenInterest
            2006-01-02,09:05:00,3578.73,3587.88,3578.73,3582.99,0,0
            2006-01-02,09:10:00,3583.01,3588.40,3583.01,3588.03,0,0
            2006-01-02,09:15,3588.03,3589.00,3588.00,3589.00,0,0
            """);

        var result = BarCsvReader.Load(path, new BarCsvOptions { Symbol = Symbol.Parse("ESTX") });

        result.Layout.ShouldBe(CsvLayout.DateAndTime);
        result.Series.Timeframe.ShouldBe(new Timeframe(5, TimeframeUnit.Minute));
        result.Series.Span.ToArray().Select(b => b.Timestamp).ShouldBe([Utc(2006, 1, 2, 14, 5), Utc(2006, 1, 2, 14, 10), Utc(2006, 1, 2, 14, 15)]);
    }

    [Fact]
    public void An_unnamed_first_column_is_the_timestamp()
    {
        var path = _dir.File("EURUSD.csv", """
            ,Open,High,Low,Close,Volume
            2017-04-19 09:00:00,1.0716,1.0722,1.07083,1.07219,1413
            2017-04-19 10:00:00,1.07214,1.07296,1.07214,1.0726,1241
            """);

        var result = BarCsvReader.Load(path, new BarCsvOptions { SourceTimeZone = TimeZoneInfo.Utc });

        result.Layout.ShouldBe(CsvLayout.UnnamedTimestamp);
        result.Series.Timeframe.ShouldBe(Timeframe.OneHour);
        result.Series[1].Timestamp.ShouldBe(Utc(2017, 4, 19, 10));
    }

    [Fact]
    public void Generic_layout_ignores_extra_columns_and_reads_dates_as_new_york_midnight()
    {
        var path = _dir.File("2006-day-001.txt", """
            Date,Open,High,Low,Close,Volume,OpenInterest
            2006-07-03,3578.73,3605.95,3578.73,3604.33,0,0
            2006-07-05,3604.08,3638.42,3601.84,3614.34,0,0
            """);

        var result = BarCsvReader.Load(path, new BarCsvOptions { Symbol = Symbol.Parse("IDX") });

        result.Layout.ShouldBe(CsvLayout.Generic);
        result.Series[0].Timestamp.ShouldBe(Utc(2006, 7, 3, 4)); // midnight New York in summer
        result.Series[0].Close.ShouldBe(3604.33);
    }

    [Fact]
    public void Keel_canonical_files_are_recognised_and_z_timestamps_are_utc()
    {
        var path = _dir.File("SPY.csv", """
            timestamp,open,high,low,close,volume
            2024-01-02T14:30:00Z,10,11,9,10.5,100
            2024-01-02T14:31:00Z,10.5,10.5,10.5,10.5,0
            """);

        var result = BarCsvReader.Load(path);

        result.Layout.ShouldBe(CsvLayout.Keel);
        result.Series.Timeframe.ShouldBe(Timeframe.OneMinute);
        result.Series[0].Timestamp.ShouldBe(Utc(2024, 1, 2, 14, 30));
    }

    [Theory]
    [InlineData("DATE,OPEN,HIGH,LOW,CLOSE,VOLUME")]
    [InlineData("Datetime,Open,High,Low,Close,Volume")]
    [InlineData("time,open,high,low,close,volume")]
    [InlineData("Timestamp,Open,High,Low,Close,Volume")]
    [InlineData("\"Date\", \"Open\", \"High\", \"Low\", \"Close\", \"Volume\"")]
    public void Header_names_are_case_insensitive_and_accept_timestamp_synonyms(string header)
    {
        var path = _dir.File("ibm.csv", header + "\n2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1,2,0.5,1.5,10\n");
        BarCsvReader.Load(path).Series.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("20240102", 2024, 1, 2, 5, 0)]
    [InlineData("2024-07-02 09:30:00", 2024, 7, 2, 13, 30)]
    [InlineData("2024-07-02T09:30:00", 2024, 7, 2, 13, 30)]
    [InlineData("2024-07-02T09:30:00.000", 2024, 7, 2, 13, 30)]
    [InlineData("2024-07-02T09:30:00Z", 2024, 7, 2, 9, 30)]
    [InlineData("2024-07-02T09:30:00+02:00", 2024, 7, 2, 7, 30)]
    [InlineData("2024-07-02T09:30:00-0500", 2024, 7, 2, 14, 30)]
    [InlineData("2024-07-02 09:30", 2024, 7, 2, 13, 30)]
    public void Timestamp_formats_are_read_with_explicit_offsets_winning(string text, int y, int mo, int d, int h, int mi)
    {
        var path = _dir.File("aapl.csv", $"Date,Open,High,Low,Close,Volume\n{text},1,1,1,1,1\n");
        var series = BarCsvReader.Load(path, new BarCsvOptions { Timeframe = Timeframe.OneMinute }).Series;
        series[0].Timestamp.ShouldBe(Utc(y, mo, d, h, mi));
        series[0].Timestamp.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Crypto_files_default_to_utc()
    {
        var path = _dir.File("btcusd_coinbase_daily.csv", "Date,Open,High,Low,Close,Volume\n2014-12-01,300,370,300,370,0.05655554\n2014-12-02,377,378,377,378,15.0136\n");

        var series = BarCsvReader.Load(path).Series;

        series.Symbol.ShouldBe(Symbol.Parse("BTC/USD"));
        series[0].Timestamp.ShouldBe(Utc(2014, 12, 1));
        series[0].Volume.ShouldBe(0.05655554);
    }

    [Fact]
    public void The_source_zone_can_be_overridden()
    {
        var path = _dir.File("spy.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02 09:30:00,1,1,1,1,1\n");
        var options = new BarCsvOptions { SourceTimeZone = TimeZoneInfo.Utc, Timeframe = Timeframe.OneMinute };
        BarCsvReader.Load(path, options).Series[0].Timestamp.ShouldBe(Utc(2024, 1, 2, 9, 30));
    }

    [Fact]
    public void Minute_bars_across_the_daylight_saving_change_are_converted_per_row()
    {
        // New York springs forward at 02:00 on 2024-03-10: 01:59 EST is 06:59Z and 03:00 EDT is 07:00Z.
        var path = _dir.File("spy.csv", """
            Date,Open,High,Low,Close,Volume
            2024-03-09 23:59:00,1,1,1,1,1
            2024-03-10 01:59:00,1,1,1,1,1
            2024-03-10 03:00:00,1,1,1,1,1
            2024-03-10 12:00:00,1,1,1,1,1
            2024-03-11 09:30:00,1,1,1,1,1
            """);

        var times = BarCsvReader.Load(path, new BarCsvOptions { Timeframe = Timeframe.OneMinute }).Series.Span.ToArray().Select(b => b.Timestamp);

        times.ShouldBe([Utc(2024, 3, 10, 4, 59), Utc(2024, 3, 10, 6, 59), Utc(2024, 3, 10, 7, 0), Utc(2024, 3, 10, 16, 0), Utc(2024, 3, 11, 13, 30)]);
    }

    [Fact]
    public void Crlf_line_endings_blank_lines_a_bom_and_a_missing_final_newline_are_fine()
    {
        var path = _dir.File("spy.csv", "\uFEFFDate,Open,High,Low,Close,Volume\r\n\r\n2024-01-02,1,1,1,1,1\r\n   \r\n2024-01-03,1,1,1,1,1");

        var result = BarCsvReader.Load(path);

        result.Series.Count.ShouldBe(2);
        result.SkippedRows.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, 60, "1Min")]
    [InlineData(new[] { 0, 5, 10, 20, 25 }, 60, "5Min")]
    [InlineData(new[] { 0, 15, 30 }, 60, "15Min")]
    [InlineData(new[] { 0, 1, 2, 4 }, 3600, "1Hour")]
    [InlineData(new[] { 0, 1, 2, 3, 4, 7, 8 }, 86400, "1Day")]
    [InlineData(new[] { 0, 7, 14, 21 }, 86400, "1Week")]
    [InlineData(new[] { 0, 31, 59, 90, 120 }, 86400, "1Month")]
    public void The_timeframe_is_inferred_from_the_median_spacing(int[] steps, int secondsPerStep, string expected)
    {
        var start = Utc(2024, 1, 1);
        var rows = steps.Select(s => $"{start.AddSeconds((double)s * secondsPerStep):yyyy-MM-ddTHH:mm:ssZ},1,1,1,1,1");
        var path = _dir.File("spy.csv", "timestamp,open,high,low,close,volume\n" + string.Join('\n', rows));

        BarCsvReader.Load(path).Series.Timeframe.ShouldBe(Timeframe.Parse(expected));
    }

    [Fact]
    public void An_explicit_timeframe_and_symbol_win_over_inference()
    {
        var path = _dir.File("spy.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n");
        var series = BarCsvReader.Load(path, new BarCsvOptions { Symbol = Symbol.Parse("QQQ"), Timeframe = Timeframe.OneDay }).Series;
        series.Symbol.ShouldBe(Symbol.Parse("QQQ"));
        series.Timeframe.ShouldBe(Timeframe.OneDay);
    }

    [Theory]
    [InlineData("aapl_daily_raw.csv", "AAPL")]
    [InlineData("orcl-1995-2014.txt", "ORCL")]
    [InlineData("GOOG.csv", "GOOG")]
    [InlineData("spy_minute_20131004.csv", "SPY")]
    [InlineData("btcusd_coinbase_daily.csv", "BTC/USD")]
    [InlineData("btcusdt_binance_hour.csv", "BTC/USDT")]
    [InlineData("BTCUSD.csv", "BTC/USD")]
    [InlineData("BTC-USD.csv", "BTC/USD")]
    [InlineData("eth_usd.csv", "ETH/USD")]
    public void The_symbol_is_inferred_from_the_file_name(string fileName, string expected)
    {
        var guess = SymbolForms.FromDataFileName(Path.GetFileNameWithoutExtension(fileName), out _)!;
        new Symbol(guess.Ticker, guess.AssetClass).ShouldBe(Symbol.Parse(expected));
    }

    [Theory]
    [InlineData("EURUSD.csv", "EUR/USD")]
    [InlineData("gbp_jpy_hourly.csv", "GBP/JPY")]
    public void Two_currency_codes_are_an_fx_pair_not_crypto(string fileName, string expected)
    {
        // Before: EURUSD ended in USD, so it was crypto EUR/USD annualised over 365 days.
        var path = _dir.File(fileName, "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n");
        var loaded = BarCsvReader.Load(path);
        loaded.Series.Symbol.ShouldBe(new Symbol(expected, AssetClass.Fx));
        loaded.SymbolRule.ShouldContain("name rule");
    }

    [Fact]
    public void A_name_that_is_not_a_ticker_is_refused_with_a_way_out()
    {
        // Before: 2006-min-005.txt became the equity "2006".
        var path = _dir.File("2006-min-005.txt", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n");
        var error = Should.Throw<BarDataException>(() => BarCsvReader.Load(path));
        error.Message.ShouldContain("--symbol");
        BarCsvReader.Load(path, new BarCsvOptions { Symbol = new Symbol("ES", AssetClass.Future) }).Series.Symbol.AssetClass.ShouldBe(AssetClass.Future);
    }

    [Fact]
    public void A_stated_asset_class_takes_only_the_ticker_from_the_name()
    {
        var path = _dir.File("EURUSD.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n");
        BarCsvReader.Load(path, new BarCsvOptions { AssetClass = AssetClass.Crypto }).Series.Symbol.ShouldBe(new Symbol("EUR/USD", AssetClass.Crypto));
        BarCsvReader.Load(path, new BarCsvOptions { AssetClass = AssetClass.UsEquity }).Series.Symbol.ShouldBe(new Symbol("EURUSD", AssetClass.UsEquity));
    }

    [Fact]
    public void A_stated_timeframe_the_bars_contradict_is_refused()
    {
        // Before: --timeframe 1Min on a daily file was obeyed, annualising by 98,280 bars a year.
        var path = _dir.File("spy.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n2024-01-04,1,1,1,1,1\n");
        var error = Should.Throw<BarDataException>(() => BarCsvReader.Load(path, new BarCsvOptions { Timeframe = Timeframe.OneMinute }));
        error.Message.ShouldContain("the file holds 1Day bars");
        BarCsvReader.Load(path, new BarCsvOptions { Timeframe = Timeframe.OneDay }).Series.Timeframe.ShouldBe(Timeframe.OneDay);
    }

    [Fact]
    public void Thin_minute_data_may_still_be_called_minute_bars()
    {
        // Minutes without trades are missing: the median gap is 2 minutes, but many neighbours are 1 minute apart.
        var rows = string.Concat(Enumerable.Range(0, 60).Select(i => $"2024-01-02T{14 + (i * 3 / 2) / 60:00}:{(i * 3 / 2) % 60:00}:00Z,1,1,1,1,1\n"));
        var path = _dir.File("thin.csv", "timestamp,open,high,low,close,volume\n" + rows);
        BarCsvReader.Load(path, new BarCsvOptions { Timeframe = Timeframe.OneMinute }).Series.Timeframe.ShouldBe(Timeframe.OneMinute);
    }

    [Fact]
    public void A_stated_zone_the_timestamps_contradict_is_refused()
    {
        var path = _dir.File("spy.csv", "timestamp,open,high,low,close,volume\n2024-01-02T14:30:00Z,1,1,1,1,1\n2024-01-02T14:31:00Z,1,1,1,1,1\n");
        var error = Should.Throw<BarDataException>(() => BarCsvReader.Load(path, new BarCsvOptions { SourceTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") }));
        error.Message.ShouldContain("carry their own offset");
    }

    [Fact]
    public void A_folder_a_binary_file_and_a_semicolon_file_are_named_for_what_they_are()
    {
        Should.Throw<BarDataException>(() => BarCsvReader.Load(_dir.Path)).Message.ShouldContain("is a folder");
        var binary = Path.Combine(_dir.Path, "blob.csv");
        File.WriteAllBytes(binary, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 256))]);
        var message = Should.Throw<BarDataException>(() => BarCsvReader.Load(binary)).Message;
        message.ShouldContain("not a text file");
        message.Length.ShouldBeLessThan(200);
        var semicolons = _dir.File("eu.csv", "Date;Open;High;Low;Close;Volume\n2024-01-02;1,5;1,6;1,4;1,5;100\n");
        Should.Throw<BarDataException>(() => BarCsvReader.Load(semicolons)).Message.ShouldContain("separated by ';'");
    }
}
