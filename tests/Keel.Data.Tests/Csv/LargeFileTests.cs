using System.Globalization;
using System.Text;
using Keel.Core.Domain;
using Keel.Data.Csv;

namespace Keel.Data.Tests.Csv;

/// <summary>Files over 1 MB are parsed in parallel chunks; problems must still be found and reported as in order.</summary>
public class LargeFileTests : IDisposable
{
    private const int Rows = 40_000; // about 2 MB
    private static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<string> Lines()
    {
        var lines = new List<string> { BarCsvWriter.Header };
        for (var i = 0; i < Rows; i++)
        {
            var price = (100 + i % 1000 / 100.0).ToString(CultureInfo.InvariantCulture);
            lines.Add($"{T0.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{price},{price},{price},{price},{i}");
        }
        return lines;
    }

    private string Write(IEnumerable<string> lines) => _dir.File("BTC-USD.csv", string.Join('\n', lines) + "\n");

    [Fact]
    public void A_clean_large_file_loads_every_bar_in_order()
    {
        var series = BarCsvReader.Load(Write(Lines())).Series;

        series.Count.ShouldBe(Rows);
        for (var i = 0; i < Rows; i++)
        {
            series[i].Timestamp.ShouldBe(T0.AddMinutes(i));
            series[i].Volume.ShouldBe(i);
        }
    }

    [Fact]
    public void A_bad_row_near_the_end_is_reported_with_its_line()
    {
        var lines = Lines();
        lines[Rows - 5] = lines[Rows - 5].Replace(",", ";", StringComparison.Ordinal);

        var ex = Should.Throw<BarDataException>(() => BarCsvReader.Load(Write(lines)));

        ex.LineNumber.ShouldBe(Rows - 4);
        ex.Reason.ShouldBe("expected 6 fields as in the header but found 1");
    }

    [Fact]
    public void Disorder_exactly_at_a_chunk_boundary_is_found()
    {
        // Reverse the two halves: every chunk is sorted inside, but the file is not.
        var lines = Lines();
        var body = lines.Skip(1).ToList();
        var shuffled = new List<string> { lines[0] };
        shuffled.AddRange(body.Skip(Rows / 2));
        shuffled.AddRange(body.Take(Rows / 2));

        var ex = Should.Throw<BarDataException>(() => BarCsvReader.Load(Write(shuffled)));

        ex.LineNumber.ShouldBe(Rows / 2 + 2);
        ex.Reason.ShouldContain("is earlier than");
    }

    [Fact]
    public void Blank_lines_in_a_large_file_are_fine()
    {
        var lines = Lines();
        lines.Insert(Rows / 3, "");
        lines.Insert(2 * Rows / 3, "   ");

        BarCsvReader.Load(Write(lines)).Series.Count.ShouldBe(Rows);
    }

    [Fact]
    public void Skipped_rows_in_a_large_file_are_all_reported()
    {
        var lines = Lines();
        foreach (var i in new[] { 10, Rows / 2, Rows - 1 }) lines[i] = lines[i][..lines[i].LastIndexOf(',')] + ",-5"; // negative volume

        var result = BarCsvReader.Load(Write(lines), new BarCsvOptions { SkipBadRows = true });

        result.SkippedRows.Select(r => r.LineNumber).ShouldBe([11, Rows / 2 + 1, Rows]);
        result.Series.Count.ShouldBe(Rows - 3);
    }
}
