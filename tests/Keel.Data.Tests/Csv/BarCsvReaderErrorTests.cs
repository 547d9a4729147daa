using Keel.Core.Domain;
using Keel.Data.Csv;

namespace Keel.Data.Tests.Csv;

public class BarCsvReaderErrorTests : IDisposable
{
    private const string Header = "Date,Open,High,Low,Close,Volume";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private BarDataException LoadFails(string text, string name = "spy.csv")
    {
        var path = _dir.File(name, text);
        var ex = Should.Throw<BarDataException>(() => BarCsvReader.Load(path, new BarCsvOptions { Timeframe = Timeframe.OneDay }));
        ex.FilePath.ShouldBe(path);
        ex.Message.ShouldBe(ex.LineNumber > 0 ? $"{path}:{ex.LineNumber}: {ex.Reason}" : $"{path}: {ex.Reason}");
        return ex;
    }

    [Fact]
    public void A_wrong_field_count_names_both_counts()
    {
        var ex = LoadFails($"{Header}\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1\n");
        ex.LineNumber.ShouldBe(3);
        ex.Reason.ShouldBe("expected 6 fields as in the header but found 5");
    }

    [Fact]
    public void An_extra_time_field_suggests_the_header_lacks_a_time_column()
    {
        // The shape of backtrader's 2006-01-02-volume-min-001.txt.
        var ex = LoadFails("Date,Open,High,Low,Close,Volume,OpenInterest\n2006-01-02,09:01:00,3602.00,3603.00,3597.00,3599.00,5699,0\n");
        ex.LineNumber.ShouldBe(2);
        ex.Reason.ShouldBe("expected 7 fields as in the header but found 8; field 2 '09:01:00' looks like a time of day, so the header may be missing a Time column");
    }

    [Fact]
    public void An_unparsable_number_names_the_column_and_the_text()
    {
        var ex = LoadFails($"{Header}\n2024-01-02,1,1,1,1,1\n\n2024-01-03,1,1.2x,1,1,1\n");
        ex.LineNumber.ShouldBe(4);
        ex.Reason.ShouldBe("unparsable number '1.2x' in column High");
    }

    [Theory]
    [InlineData("NaN,1,1,1,1", "prices must be finite")]
    [InlineData("1,Infinity,1,1,1", "prices must be finite")]
    [InlineData("1,1,1,-1,1", "prices must be positive")]
    [InlineData("0,1,1,1,1", "prices must be positive")]
    [InlineData("1,1,2,1.5,1", "high 1 is below low 2")]
    [InlineData("3,2,1,1.5,1", "open 3 is outside the bar's range [1, 2]")]
    [InlineData("1.5,2,1,2.5,1", "close 2.5 is outside the bar's range [1, 2]")]
    [InlineData("1,1,1,1,-5", "volume must be a finite non-negative number")]
    public void Impossible_bars_are_refused_with_the_bar_validation_reason(string values, string reason)
    {
        var ex = LoadFails($"{Header}\n2024-01-02,{values}\n");
        ex.LineNumber.ShouldBe(2);
        ex.Reason.ShouldContain(reason);
    }

    [Theory]
    [InlineData("2024-13-02")]
    [InlineData("2024-02-30")]
    [InlineData("02/01/2024")]
    [InlineData("2024-01-02 25:00:00")]
    [InlineData("2024-01-02T09:30:00+2")]
    [InlineData("yesterday")]
    public void An_unparsable_timestamp_is_quoted_with_the_expected_formats(string text)
    {
        var ex = LoadFails($"{Header}\n{text},1,1,1,1,1\n");
        ex.Reason.ShouldBe($"unparsable timestamp '{text}' in column Date (expected yyyy-MM-dd, yyyyMMdd, 'yyyy-MM-dd HH:mm:ss' or ISO-8601 like 2024-01-02T14:30:00Z)");
    }

    [Fact]
    public void A_duplicate_timestamp_names_both_lines()
    {
        var ex = LoadFails($"{Header}\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n2024-01-03,2,2,2,2,2\n");
        ex.LineNumber.ShouldBe(4);
        ex.Reason.ShouldBe("duplicate timestamp '2024-01-03' (2024-01-03T05:00:00Z): line 3 has the same time");
    }

    [Fact]
    public void An_out_of_order_timestamp_names_both_lines()
    {
        var ex = LoadFails($"{Header}\n2024-01-02,1,1,1,1,1\n2024-01-04,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n");
        ex.LineNumber.ShouldBe(4);
        ex.Reason.ShouldBe("timestamp '2024-01-03' (2024-01-03T05:00:00Z) is earlier than 2024-01-04T05:00:00Z on line 3; rows must be in increasing time order");
    }

    [Fact]
    public void A_newest_first_file_gets_a_hint()
    {
        LoadFails($"{Header}\n2024-01-03,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n").Reason.ShouldEndWith("(is the file sorted newest first?)");
    }

    [Fact]
    public void An_unknown_header_lists_the_supported_layouts()
    {
        var ex = LoadFails("when,o,h,l,c,v\n2024-01-02,1,1,1,1,1\n");
        ex.LineNumber.ShouldBe(1);
        ex.Reason.ShouldStartWith("unrecognised header 'when,o,h,l,c,v': missing a timestamp column");
        ex.Reason.ShouldContain("Yahoo 'Date,Open,High,Low,Close,Adj Close,Volume'");
        ex.Reason.ShouldContain("Keel 'timestamp,open,high,low,close,volume'");
    }

    [Fact]
    public void A_header_missing_one_column_says_which()
    {
        LoadFails("Date,Open,High,Low,Volume\n2024-01-02,1,1,1,1\n").Reason.ShouldStartWith("unrecognised header 'Date,Open,High,Low,Volume': missing Close.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void An_empty_file_is_a_clear_error(string text)
    {
        LoadFails(text).Reason.ShouldStartWith("the file is empty");
    }

    [Fact]
    public void A_header_without_rows_is_a_clear_error()
    {
        LoadFails(Header + "\n").Reason.ShouldBe("the file has a header but no data rows");
    }

    [Fact]
    public void Skipping_bad_rows_reports_every_one_with_its_line()
    {
        var path = _dir.File("spy.csv", $"""
            {Header}
            2024-01-02,1,1,1,1,1
            2024-01-03,1,1,1,1
            2024-01-04,1,x,1,1,1
            2024-01-04,1,1,1,1,1
            2024-01-03,1,1,1,1,1
            2024-01-05,1,1,1,1,1
            2024-01-05,1,1,1,1,1
            2024-01-08,2,1,1,1,1
            2024-01-09,1,1,1,1,1
            """);

        var result = BarCsvReader.Load(path, new BarCsvOptions { SkipBadRows = true });

        result.Series.Span.ToArray().Select(b => b.Timestamp.Day).ShouldBe([2, 4, 5, 9]);
        result.SkippedRows.Select(r => r.LineNumber).ShouldBe([3, 4, 6, 8, 9]);
        result.SkippedRows[0].Reason.ShouldStartWith("expected 6 fields");
        result.SkippedRows[1].Reason.ShouldContain("'x' in column High");
        result.SkippedRows[2].Reason.ShouldContain("is earlier than");
        result.SkippedRows[3].Reason.ShouldContain("duplicate timestamp");
        result.SkippedRows[4].Reason.ShouldContain("open 2 is outside");
        result.SkippedRows[0].ToString().ShouldStartWith("line 3: ");
    }

    [Fact]
    public void Skipping_bad_rows_still_fails_when_no_row_is_good()
    {
        var path = _dir.File("spy.csv", $"{Header}\n2024-01-02,1,1\n2024-01-03,1,1\n");
        var ex = Should.Throw<BarDataException>(() => BarCsvReader.Load(path, new BarCsvOptions { SkipBadRows = true }));
        ex.LineNumber.ShouldBe(2);
        ex.Reason.ShouldBe("none of the 2 data rows could be read; the first problem: expected 6 fields as in the header but found 3");
    }

    [Fact]
    public void A_single_bar_needs_an_explicit_timeframe()
    {
        var path = _dir.File("spy.csv", $"{Header}\n2024-01-02,1,1,1,1,1\n");
        Should.Throw<BarDataException>(() => BarCsvReader.Load(path)).Reason.ShouldContain("set BarCsvOptions.Timeframe");
    }

    [Fact]
    public void A_missing_file_is_an_io_error()
    {
        Should.Throw<FileNotFoundException>(() => BarCsvReader.Load(_dir.Combine("nope.csv")));
    }
}
