using System.Reflection;

namespace Keel.Reporting.Charts;

/// <summary>
/// The one chart library of reports and dashboard: Apache ECharts (Apache-2.0), pinned in
/// <c>src/Keel.Reporting/ChartLibrary/package-lock.json</c> and embedded in this assembly by the build with its
/// LICENSE and NOTICE. Reports inline <see cref="Script"/>; the dashboard serves the same resources at /assets/.
/// </summary>
public static class ChartLibrary
{
    /// <summary>Resource names start with this, then the file: echarts.min.js, echarts-LICENSE.txt, echarts-NOTICE.txt.</summary>
    public const string ResourcePrefix = "Keel.Reporting.ChartLibrary";
    public const string ScriptFile = "echarts.min.js";
    public const string LicenseFile = "echarts-LICENSE.txt";
    public const string NoticeFile = "echarts-NOTICE.txt";

    public static Assembly Assembly => typeof(ChartLibrary).Assembly;

    private static readonly Lazy<string> ScriptText = new(() => Read(ScriptFile));
    private static readonly Lazy<string> NoticeText = new(() => Read(NoticeFile));
    private static readonly Lazy<string> LicenseText = new(() => Read(LicenseFile));

    /// <summary>echarts.min.js as shipped (about 1.1 MB).</summary>
    public static string Script => ScriptText.Value;

    /// <summary>The library's NOTICE (its copyright line), which the Apache licence asks to keep with copies.</summary>
    public static string Notice => NoticeText.Value;

    /// <summary>The library's LICENSE (Apache-2.0, with the licences of the code it bundles).</summary>
    public static string License => LicenseText.Value;

    /// <summary>The version echarts.min.js reports about itself (<c>echarts.version</c>), read from the embedded file.</summary>
    public static string Version => System.Text.RegularExpressions.Regex.Match(Script, "version\\s*=\\s*\"(\\d+\\.\\d+\\.\\d+)\"").Groups[1].Value;

    internal static string Read(string file)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + "." + file)
            ?? throw new InvalidOperationException($"{file} is not embedded in Keel.Reporting: the build did not get the chart library.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
