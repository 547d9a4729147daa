using System.CommandLine;
using System.Globalization;
using System.Text;
using Keel.Core.Indicators;
using Keel.Data;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel indicators --data FILE --indicators sma:20,rsi:14,... --out OUT.csv</c>: one row per bar,
/// a <c>timestamp</c> column, then one column per indicator output; empty cells during warm-up.
/// </summary>
internal static class IndicatorsCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Bar file (CSV or Parquet).", Required = true };
        var indicators = new Option<string>("--indicators") { Description = "e.g. sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14", Required = true };
        var output = new Option<string?>("--out") { Description = "Output CSV (default: stdout)." };
        var command = new Command("indicators", "Compute indicators over a bar file and write them as CSV.") { data, indicators, output };
        command.SetAction(parse =>
        {
            var list = IndicatorSpec.ParseList(parse.GetValue(indicators)!);
            var series = BarFiles.Load(parse.GetValue(data)!).Series;
            var path = parse.GetValue(output);
            using var writer = path is null ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) : new StreamWriter(path, false, new UTF8Encoding(false));
            writer.NewLine = "\n";
            Write(writer, series.Span, list);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void Write(TextWriter writer, ReadOnlySpan<Core.Domain.Bar> bars, IReadOnlyList<IIndicator> indicators)
    {
        writer.Write("timestamp");
        foreach (var indicator in indicators)
            foreach (var name in indicator.OutputNames) writer.Write("," + name);
        writer.WriteLine();
        foreach (ref readonly var bar in bars)
        {
            writer.Write(bar.Timestamp.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            foreach (var indicator in indicators)
            {
                indicator.Update(bar);
                for (var i = 0; i < indicator.OutputNames.Count; i++)
                {
                    writer.Write(',');
                    var value = indicator.GetOutput(i);
                    if (!double.IsNaN(value)) writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }
            writer.WriteLine();
        }
    }
}
