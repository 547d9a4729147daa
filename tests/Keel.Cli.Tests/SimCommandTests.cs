using System.Net;

namespace Keel.Cli.Tests;

/// <summary><c>keel sim</c> as a user runs it: a process that serves Alpaca's API on loopback until stopped.</summary>
public class SimCommandTests
{
    private const string KeyId = "PKSIMCMDKEY0001";
    private const string SecretKey = "sim-cmd-secret-never-printed";

    [Fact]
    public async Task Serves_the_sample_store_and_prints_the_url_variables_but_never_the_keys()
    {
        using var temp = new TempFolder();
        using var sim = KeelCli.Start(temp.Path, new Dictionary<string, string?>(), "sim", "--port", "0", "--data", Path.Combine(KeelCli.RepoRoot, "samples"),
            "--start", "2025-01-06T15:00:00Z", "--speed", "0", "--key", KeyId, "--secret", SecretKey, "--quiet");
        try
        {
            var banner = new List<string>();
            for (var i = 0; i < 5; i++)
                banner.Add(await sim.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? throw new InvalidOperationException(
                    "keel sim ended early: " + await sim.StandardError.ReadToEndAsync()));
            var text = string.Join('\n', banner);
            text.ShouldNotContain(KeyId);
            text.ShouldNotContain(SecretKey);
            text.ShouldContain("bars for AAPL, BTC/USD, MSFT, SPY");
            var url = banner[0].Split(' ')[3];
            url.ShouldStartWith("http://127.0.0.1:");
            text.ShouldContain($"export ALPACA_TRADING_URL={url}");
            text.ShouldContain($"export ALPACA_DATA_URL={url}");

            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}/v2/stocks/SPY/bars?timeframe=1Day&start=2024-12-30T00:00:00Z");
            request.Headers.Add("APCA-API-KEY-ID", KeyId);
            request.Headers.Add("APCA-API-SECRET-KEY", SecretKey);
            using var response = await http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain("\"t\":\"2024-12-31T05:00:00Z\"");

            using var wrongKeys = new HttpRequestMessage(HttpMethod.Get, $"{url}/v2/account");
            wrongKeys.Headers.Add("APCA-API-KEY-ID", KeyId);
            wrongKeys.Headers.Add("APCA-API-SECRET-KEY", "wrong");
            (await http.SendAsync(wrongKeys)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            sim.Kill();
            await sim.WaitForExitAsync();
        }
    }

    [Fact]
    public void Bad_arguments_are_usage_errors()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = KeelCli.Run(temp.Path, "sim", "--bogus");
        code.ShouldBe(2);
        stderr.ShouldContain("Unknown argument '--bogus'");

        (code, _, stderr) = KeelCli.Run(temp.Path, "sim", "--data", Path.Combine(temp.Path, "missing"));
        code.ShouldBe(2);
        stderr.ShouldContain("is not a folder");
    }
}
