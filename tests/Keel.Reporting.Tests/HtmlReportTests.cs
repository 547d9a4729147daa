using System.Text.RegularExpressions;

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
    public void Each_chart_is_an_svg_with_a_title_inside_its_element(string id)
    {
        var html = HtmlReport.Render(SixRuns());
        Regex.IsMatch(html, $"<section class=\"chart\" id=\"{id}\">\\s*<h2>[^<]+</h2>\\s*<svg [^>]*><title>[^<]+</title>").ShouldBeTrue();
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
        Regex.Matches(html, "<circle ").Count.ShouldBe(5);
    }

    [Fact]
    public void Equity_curves_are_one_polyline_per_run_with_at_most_1000_points()
    {
        var model = SixRuns();
        var longRun = SampleData.Run(99, "Long", "SPY", "none", points: 5_000);
        var html = HtmlReport.Render(model with { Runs = [.. model.Runs, longRun] });

        var polylines = Regex.Matches(html, "<polyline [^>]*points=\"([^\"]*)\"");
        polylines.Count.ShouldBe(7);
        foreach (Match line in polylines)
            line.Groups[1].Value.Split(' ').Length.ShouldBeLessThanOrEqualTo(1_000);
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
    }
}
