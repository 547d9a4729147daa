namespace Keel.Reporting.Html;

/// <summary>
/// One colour per run, the same in every chart and in the table, so a reader can follow a run across
/// them. Tableau's ten colours, repeated after the tenth run.
/// </summary>
internal static class ChartPalette
{
    private static readonly string[] RunColours =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    public const string Gain = "#4e79a7";
    public const string Loss = "#e15759";

    public static string ForRun(int index) => RunColours[index % RunColours.Length];
}
