using System.Text.RegularExpressions;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Tests;

public class HtmlReportTests
{
    private static HtmlReportModel SixRuns(IReadOnlyList<ReportSection>? sections = null)
    {
        var runs = new List<ReportRun>();
        var seed = 1;
        foreach (var strategy in new[] { "SMA cross", "RSI", "Breakout" })
        foreach (var symbol in new[] { "SPY", "BTC/USD" })
            runs.Add(SampleData.Run(seed++, strategy, symbol, "realistic"));
        return new HtmlReportModel
        {
            Title = "Comparison",
            Settings = [new("Timeframe", "1Day"), new("Costs", "realistic")],
            Runs = runs,
            Sections = sections ?? [],
        };
    }

    [Theory]
    [InlineData("chart-returns-drawdown")]
    [InlineData("chart-winrate-sharpe")]
    [InlineData("chart-equity")]
    public void Each_chart_is_an_echarts_element_described_for_screen_readers_with_its_option_beside_it(string id)
    {
        var html = HtmlReport.Render(SixRuns());
        Regex.IsMatch(html, $"<section class=\"chart\" id=\"{id}\">\\s*<h2>[^<]+</h2>\\s*<div class=\"echart\" style=\"height:\\d+px\" role=\"img\" aria-label=\"[^\"]+\"></div><script type=\"application/json\" class=\"echart-option\">\\{{").ShouldBeTrue();
        ReportCharts.Option(html, id).SeriesCount().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_chart_library_is_inlined_once_with_its_licence_and_runs_after_the_options()
    {
        var html = HtmlReport.Render(SixRuns());
        var library = html.IndexOf(ChartLibrary.Script, StringComparison.Ordinal);
        library.ShouldBeGreaterThan(0);
        html.IndexOf(ChartLibrary.Script, library + 1, StringComparison.Ordinal).ShouldBe(-1); // once
        ChartLibrary.Script.ShouldNotContain("</script", Case.Insensitive); // else it could not be inlined as it is
        html.IndexOf(ChartLibrary.Script, StringComparison.Ordinal).ShouldBeGreaterThan(html.LastIndexOf("class=\"echart-option\"", StringComparison.Ordinal));
        html.ShouldContain("Charts drawn by Apache ECharts " + ChartLibrary.Version + " (Apache License 2.0)");
        html.ShouldContain("Copyright 2017-"); // NOTICE
        html.ShouldContain("Version 2.0, January 2004"); // LICENSE
        ChartLibrary.Version.ShouldMatch(@"^\d+\.\d+\.\d+$");
    }

    [Fact]
    public void The_runs_table_has_one_row_per_run()
    {
        var html = HtmlReport.Render(SixRuns());
        Regex.Matches(html, "<tr class=\"run\">").Count.ShouldBe(6);
    }

    [Fact]
    public void All_text_is_escaped()
    {
        var model = SixRuns();
        var evil = model.Runs[0] with { Label = "<script>alert(1)</script> & \"x\"", Strategy = "<b>bold</b>" };
        model = model with
        {
            Title = "A <i>title</i>",
            Settings = [new("<key>", "a & b")],
            Runs = [evil, .. model.Runs.Skip(1)],
        };

        var html = HtmlReport.Render(model);

        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<b>bold</b>");
        html.ShouldNotContain("<i>title</i>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;");
        html.ShouldContain("&lt;b&gt;bold&lt;/b&gt;");
        html.ShouldContain("<dt>&lt;key&gt;</dt><dd>a &amp; b</dd>");
    }

    [Fact]
    public void The_page_references_nothing_outside_itself()
    {
        var html = HtmlReport.Render(SixRuns());
        html.ShouldNotContain("<script src", Case.Insensitive);
        // Outside the library's own code and its licence text (which name apache.org), no address at all.
        html = html.Replace(ChartLibrary.Script, "", StringComparison.Ordinal);
        html = Regex.Replace(html, "<footer class=\"chart-library\">.*?</footer>", "", RegexOptions.Singleline);
        html.ShouldNotContain("http", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain(" src=", Case.Insensitive);
        html.ShouldNotContain("@import", Case.Insensitive);
        html.ShouldNotContain("url(", Case.Insensitive);
    }

    [Fact]
    public void The_same_model_gives_the_same_bytes()
    {
        var folder = Directory.CreateTempSubdirectory("keel-html-").FullName;
        try
        {
            var model = SixRuns();
            HtmlReport.Write(Path.Combine(folder, "a.html"), model);
            HtmlReport.Write(Path.Combine(folder, "b.html"), model);
            File.ReadAllBytes(Path.Combine(folder, "a.html")).ShouldBe(File.ReadAllBytes(Path.Combine(folder, "b.html")));
            HtmlReport.Render(SixRuns()).ShouldBe(HtmlReport.Render(model)); // rebuilt from the same seeds
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Infinite_and_missing_values_are_shown_as_words_and_kept_out_of_the_drawing()
    {
        var model = SixRuns();
        var odd = model.Runs[0] with { Metrics = model.Runs[0].Metrics with { ProfitFactor = double.PositiveInfinity, Sharpe = double.NaN } };
        var html = HtmlReport.Render(model with { Runs = [odd, .. model.Runs.Skip(1)] });

        html.ShouldContain(">∞</td>");
        html.ShouldContain(">n/a</td>");
        var content = html[..html.IndexOf("<script>", StringComparison.Ordinal)]; // the sorter itself calls isNaN
        content.ShouldNotContain("NaN", Case.Sensitive);
        html.ShouldContain("Not plotted (no finite value): " + odd.Label.Replace("·", "&#183;"));
        var scatter = ReportCharts.Option(html, "chart-winrate-sharpe").Series("runs");
        scatter.Names().ShouldBe(model.Runs.Skip(1).Select(r => r.Label));
        // The bars keep the run in its place, with no value where there is none.
        var returns = ReportCharts.Option(html, "chart-returns-drawdown").Series("Total return %");
        returns.Points().ShouldBe(6);
    }

    [Fact]
    public void Equity_curves_are_one_line_per_run_with_at_most_1000_points_ending_at_the_final_equity()
    {
        var model = SixRuns();
        var longRun = SampleData.Run(99, "Long", "SPY", "none", points: 5_000);
        var html = HtmlReport.Render(model with { Runs = [.. model.Runs, longRun] });

        var option = ReportCharts.Option(html, "chart-equity");
        option.SeriesCount().ShouldBe(7);
        option.GetProperty("xAxis").GetProperty("type").GetString().ShouldBe("time");
        foreach (var series in option.GetProperty("series").EnumerateArray())
        {
            series.GetProperty("type").GetString().ShouldBe("line");
            series.Points().ShouldBeLessThanOrEqualTo(1_000);
        }
        var ending = longRun.Curve[^1].Equity / 1_000; // 100 × equity / 100,000 starting equity
        var line = option.Series("Long · SPY · none (" + ending.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + ")"); // the legend says where it ends
        line.Points().ShouldBe(1_000);
        var last = line.GetProperty("data").EnumerateArray().Last();
        last[0].GetDouble().ShouldBe(new DateTimeOffset(longRun.Curve[^1].Time).ToUnixTimeMilliseconds());
        last[1].GetDouble().ShouldBe(Math.Round(ending, 2)); // drawn to a hundredth (a basis point of the start)
    }

    [Fact]
    public void Returns_and_drawdowns_are_two_bar_series_with_the_drawdown_below_zero()
    {
        var model = SixRuns();
        var option = ReportCharts.Option(HtmlReport.Render(model), "chart-returns-drawdown");
        option.GetProperty("xAxis").GetProperty("data").EnumerateArray().Select(l => l.GetString()).ShouldBe(model.Runs.Select(r => r.Label));
        option.Series("Total return %").GetProperty("data").EnumerateArray().Select(v => v.GetDouble())
            .ShouldBe(model.Runs.Select(r => Math.Round(r.Metrics.TotalReturnPct, 2)));
        option.Series("Max drawdown % (below zero)").GetProperty("data").EnumerateArray().Select(v => v.GetDouble())
            .ShouldBe(model.Runs.Select(r => -Math.Round(r.Metrics.MaxDrawdownPct, 2)));
    }

    [Fact]
    public void Extra_sections_are_appended_with_their_html_as_given()
    {
        var html = HtmlReport.Render(SixRuns([new ReportSection("Sweep <heatmap>", "<div id=\"heatmap\">cells</div>")]));
        html.ShouldContain("<h2>Sweep &lt;heatmap&gt;</h2>\n<div id=\"heatmap\">cells</div>");
        html.IndexOf("id=\"heatmap\"", StringComparison.Ordinal).ShouldBeGreaterThan(html.IndexOf("id=\"chart-equity\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_without_runs_still_has_its_charts_and_table()
    {
        var html = HtmlReport.Render(new HtmlReportModel { Title = "Empty", Settings = [], Runs = [] });
        html.ShouldContain("id=\"chart-returns-drawdown\"");
        html.ShouldContain("id=\"chart-winrate-sharpe\"");
        html.ShouldContain("id=\"chart-equity\"");
        html.ShouldContain("No runs");
        html.ShouldNotContain("<tr class=\"run\">");
        html.Length.ShouldBeLessThan(20_000, "no charts, so no chart library either");
    }
}
