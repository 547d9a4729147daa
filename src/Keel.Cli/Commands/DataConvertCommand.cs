using System.CommandLine;
using System.Globalization;
using Keel.Core.Domain;
using Keel.Data;
using Keel.Data.Columnar;
using Keel.Data.Csv;
using Symbol = Keel.Core.Domain.Symbol;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel data convert FILE --to parquet|csv --out OUT</c>: rewrites a bar file in the other format. The
/// bars are exactly those a backtest reads from FILE, so a backtest on OUT gives the same result.
/// </summary>
internal static class DataConvertCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Bar file to convert (any CSV layout keel reads, or Parquet)." };
        var to = new Option<string>("--to") { Description = "Format to write: parquet or csv (Keel's canonical CSV).", Required = true };
        var output = new Option<string>("--out") { Description = "File to write (replaced whole if it exists).", Required = true };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol of the file (default: from the file name)." };
        var timeframe = new Option<string?>("--timeframe") { Description = "Timeframe (default: inferred from the bar spacing)." };
        var zone = new Option<string?>("--tz") { Description = "Time zone of timestamps written without an offset (default America/New_York for equities, UTC for crypto)." };
        var command = new Command("convert", "Convert a bar file to Parquet (columnar, what pandas and freqtrade read) or to Keel's CSV.")
            { file, to, output, symbol, timeframe, zone };
        command.SetAction(parse =>
        {
            var format = parse.GetValue(to)!.Trim().ToLowerInvariant();
            if (format is not ("parquet" or "csv")) throw new UsageException($"--to '{parse.GetValue(to)}' is not a format keel writes; expected parquet or csv.");
            var source = parse.GetValue(file)!;
            var target = parse.GetValue(output)!;
            if (Path.GetFullPath(source) == Path.GetFullPath(target)) throw new UsageException($"--out '{target}' is the file being converted; write to another file.");
            var series = BarFiles.Load(source, new BarCsvOptions
            {
                Symbol = parse.GetValue(symbol) is { } s ? Symbol.Parse(s) : null,
                Timeframe = parse.GetValue(timeframe) is { } t ? Timeframe.Parse(t) : null,
                SourceTimeZone = parse.GetValue(zone) is { } z ? DataOptions.FindZone(z) : null,
            }).Series;
            if (format == "parquet") ParquetBars.Write(target, series);
            else BarCsvWriter.Write(target, series);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}: {series.Count} {series.Timeframe} bars of {series.Symbol} written to {target} ({format})"));
            return ExitCodes.Success;
        });
        return command;
    }
}
