using System.Diagnostics;
using System.Text.Json;

namespace Keel.Alpaca.Tests;

/// <summary>
/// Alpaca's official TypeScript SDK (tests/sdk, installed with <c>npm ci</c>; .ci/run does it) reads the
/// sim's calendar and clock: MLK Day and Thanksgiving 2024 are closed, the day after closes at 13:00.
/// Without node or the SDK the test is skipped, except in CI, where it fails.
/// </summary>
public sealed class OfficialSdkCalendarTests : SimTestBase
{
    private static readonly string SdkFolder = FindSdkFolder();

    [Fact]
    public async Task The_official_sdk_sees_the_nyse_holidays_and_half_days()
    {
        if (!Directory.Exists(Path.Combine(SdkFolder, "node_modules", "@alpacahq")))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"The SDK is not installed: run npm ci in {SdkFolder}.");
            return; // outside CI only: the SDK is an optional install
        }
        H.Sim.Clock.Set(new DateTime(2024, 1, 12, 22, 0, 0, DateTimeKind.Utc)); // Friday after the close, before MLK Day

        using var result = JsonDocument.Parse(await RunNodeAsync("calendar.mjs", H.Sim.BaseUrl.ToString().TrimEnd('/'), "2024-01-01", "2024-12-31"));

        var days = result.RootElement.GetProperty("days").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("close").GetString());
        days.ShouldNotContainKey("2024-01-15");
        days.ShouldNotContainKey("2024-11-28");
        days["2024-11-29"].ShouldBe("13:00");
        days["2024-01-16"].ShouldBe("16:00");
        var clock = result.RootElement.GetProperty("clock");
        clock.GetProperty("isOpen").GetBoolean().ShouldBeFalse();
        clock.GetProperty("nextOpen").GetString().ShouldBe("2024-01-16T14:30:00.000Z");
    }

    private static string FindSdkFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Keel.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Keel.slnx not found above the tests."), "tests", "sdk");
    }

    private static async Task<string> RunNodeAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = SdkFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await error);
        return await output;
    }
}
