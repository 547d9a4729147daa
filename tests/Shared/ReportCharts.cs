using System.Text.Json;

namespace Keel.Testing;

/// <summary>Reads a written report's charts back: the ECharts option JSON that the element with a given id holds.</summary>
public static class ReportCharts
{
    private const string OptionStart = "<script type=\"application/json\" class=\"echart-option\">";

    /// <summary>The option of the chart inside the element <paramref name="id"/> (the first chart after its id, within its section).</summary>
    public static JsonElement Option(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, id);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        var json = html.IndexOf(OptionStart, start, StringComparison.Ordinal);
        json.ShouldBeInRange(start, end, $"{id} holds no chart");
        json += OptionStart.Length;
        return JsonDocument.Parse(html[json..html.IndexOf("</script>", json, StringComparison.Ordinal)]).RootElement.Clone();
    }

    public static bool HasChart(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        var json = html.IndexOf(OptionStart, start, StringComparison.Ordinal);
        return json > start && json < end;
    }

    public static JsonElement Series(this JsonElement option, string name) =>
        option.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    public static int SeriesCount(this JsonElement option) => option.GetProperty("series").GetArrayLength();

    public static int Points(this JsonElement series) => series.GetProperty("data").GetArrayLength();

    /// <summary>The data items' names (markers and labelled points carry them).</summary>
    public static List<string> Names(this JsonElement series) =>
        series.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToList();
}
