using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Keel.Live.Tests;

/// <summary>
/// The real <c>keel paper</c> in a child process, against a sim in this process. The test moves the sim's
/// clock and then reads the service's console until it logs the cycle for that broker time (or dies at a
/// crash point): it waits on the service's own output, never on a timer.
/// </summary>
internal sealed class PaperProcess : IDisposable
{
    public const string KeyId = "PKPROCESSTEST01";
    public const string SecretKey = "proc-sEcReT-never-in-logs-0042";

    private readonly Process _process;
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly List<string> _transcript = [];
    private readonly Task[] _pumps;

    private PaperProcess(Process process)
    {
        _process = process;
        _pumps = [Pump(process.StandardOutput), Pump(process.StandardError)];
    }

    public IReadOnlyList<string> Transcript => _transcript;

    public int ProcessId => _process.Id;

    /// <summary>Starts <c>keel paper --config</c>; <paramref name="crashAt"/> sets KEEL_CRASH_AT; <paramref name="extraArgs"/> follow.</summary>
    public static PaperProcess Start(string configPath, string? crashAt = null, IReadOnlyDictionary<string, string>? extraEnvironment = null, params string[] extraArgs)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ALPACA_API_KEY_ID"] = KeyId,
            ["ALPACA_API_SECRET_KEY"] = SecretKey,
            ["ALPACA_TRADING_URL"] = null,
            ["ALPACA_DATA_URL"] = null,
            [CrashPoints.Variable] = crashAt,
        };
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>()) environment[name] = value;
        return new PaperProcess(KeelCli.Start(Path.GetDirectoryName(configPath)!, environment, ["paper", "--config", configPath, .. extraArgs]));
    }

    /// <summary>
    /// Reads the console until the service logs its cycle at <paramref name="brokerTime"/> (true), or the
    /// process ends (false: it crashed). Fails after <paramref name="limit"/> as a guard against a hang.
    /// </summary>
    public async Task<bool> WaitForCycleAsync(DateTime brokerTime, TimeSpan? limit = null)
    {
        var marker = "cycle " + brokerTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        using var guard = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
        try
        {
            while (await _lines.Reader.WaitToReadAsync(guard.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (line is null) return false;
                    if (line.Contains(marker, StringComparison.Ordinal)) return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"keel paper never logged '{marker}'. Its output:\n" + string.Join("\n", _transcript.TakeLast(40)));
        }
        return false;
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync();
        await Task.WhenAll(_pumps); // the exit can be seen before the last lines are read: the transcript is whole only after both streams end
        return _process.ExitCode;
    }

    private async Task Pump(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_transcript) _transcript.Add(line);
            _lines.Writer.TryWrite(line);
        }
        // Both streams end when the process does; the first end is enough to say so.
        _lines.Writer.TryWrite(null);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
