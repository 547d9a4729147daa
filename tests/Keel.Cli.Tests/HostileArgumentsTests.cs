namespace Keel.Cli.Tests;

/// <summary>
/// No command ends in an unhandled exception: hostile arguments give a short message on stderr and exit
/// code 2 (bad input) or 1, never a stack trace or a .NET type name.
/// </summary>
public class HostileArgumentsTests
{
    private static readonly string Samples = Path.Combine(KeelCli.RepoRoot, "samples");

    public static TheoryData<string[]> Hostile()
    {
        var data = new TheoryData<string[]>();
        // Every research command, each with arguments a new user might well type.
        foreach (var command in new[] { new[] { "backtest", "--strategy", "sma-crossover" }, ["compare"], ["sweep", "--strategy", "rsi", "--grid", "period=7..21:7"],
                     ["walkforward", "--strategy", "rsi", "--grid", "period=7..21:7", "--in-sample", "300", "--out-of-sample", "100"],
                     ["ensemble", "compare", "--members", "rsi|macd"] })
        {
            data.Add([.. command, "--store", Samples, "--symbol", "SPY", "--out", "{file}"]);
            data.Add([.. command, "--data", "{folder}"]);
            data.Add([.. command, "--data", "{binary}"]);
            data.Add([.. command, "--data", "{semicolons}"]);
            data.Add([.. command, "--store", Samples, "--symbol", "SPY", "--cash", "abc"]);
            data.Add([.. command, "--store", Samples, "--symbol", "SPY", "--from", "2030-13-45"]);
            data.Add([.. command, "--store", Samples, "--symbol", "SPY", "--from", "2024-06-01", "--to", "2020-01-01"]);
            data.Add([.. command, "--store", Samples, "--symbol", "SPY", "--from", "2040-01-01"]);
            data.Add([.. command, "--store", Samples, "--symbol", "NOPE"]);
            data.Add([.. command, "--data", "{daily}", "--timeframe", "1Min"]);
            data.Add([.. command, "--data", "{daily}", "--asset-class", "bond"]);
            data.Add([.. command, "--store", Samples, "--symbol", "SPY", "--tz", "Mars/Olympus"]);
        }
        data.Add(["indicators", "--data", "{folder}", "--indicators", "sma:20"]);
        data.Add(["indicators", "--data", "{daily}", "--indicators", "sma:abc"]);
        data.Add(["indicators", "--data", "{daily}", "--indicators", "sma:20", "--out", "{folder}"]);
        data.Add(["data", "import", "{binary}", "--store", "{folder}/store"]);
        data.Add(["data", "import", "{daily}", "--store", "{file}"]);
        data.Add(["data", "list", "--store", "{file}"]);
        data.Add(["status", "--config", "{file}"]);
        data.Add(["halt", "--config", "{missing}"]);
        data.Add(["resume", "--config", "{binary}"]);
        data.Add(["paper", "--config", "{semicolons}"]);
        data.Add(["strategies", "--bogus"]);
        data.Add(["sample", "--out", "{file}"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_argument_gets_a_short_message_and_no_stack_trace(string[] args)
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "folder")).FullName;
        var file = temp.File("existing.txt", "I am in the way\n");
        var binary = Path.Combine(temp.Path, "blob.csv");
        File.WriteAllBytes(binary, [.. Enumerable.Range(0, 8000).Select(i => (byte)(i * 31 % 256))]);
        var semicolons = temp.File("eu.csv", "Date;Open;High;Low;Close;Volume\n2024-01-02;1,5;1,6;1,4;1,5;100\n");
        var daily = temp.File("spy.csv", File.ReadAllText(Path.Combine(Samples, "1Day", "SPY.csv")));
        var real = args.Select(a => a.Replace("{file}", file).Replace("{folder}", folder).Replace("{binary}", binary)
            .Replace("{semicolons}", semicolons).Replace("{daily}", daily).Replace("{missing}", Path.Combine(temp.Path, "missing.json"))).ToArray();

        var (code, _, stderr) = KeelCli.Run(temp.Path, real);

        code.ShouldBeOneOf([1, 2], stderr);
        stderr.ShouldNotContain("   at ");
        stderr.ShouldNotContain("Exception");
        stderr.ShouldNotContain("System.");
        stderr.ShouldNotContain("Nullable`1");
        stderr.Length.ShouldBeLessThan(600, stderr);
        stderr.ShouldStartWith("error:");
    }
}
