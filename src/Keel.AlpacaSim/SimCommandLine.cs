using System.Globalization;

namespace Keel.AlpacaSim;

/// <summary>
/// The sim's command-line arguments (<c>keel sim</c> passes its arguments through unchanged):
/// <c>--port 18080 --data DIR --start 2024-01-02T14:30:00Z --speed 60 [--host 127.0.0.1] [--key K --secret S] [--cash 100000]</c>.
/// </summary>
public static class SimCommandLine
{
    public const string Usage =
        "keel-alpaca-sim [--port 18080] [--host 127.0.0.1] [--data DIR] [--start 2024-01-02T14:30:00Z] [--speed 60] [--key K --secret S] [--cash 100000]";

    public static SimOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SimOptions { Port = 18080, ConsoleLogging = true, TickInterval = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value. Usage: {Usage}");
            switch (name)
            {
                case "--port": options.Port = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--host": options.Host = Value(); break;
                case "--data": options.DataDirectory = Value(); break;
                case "--start":
                    options.StartTime = DateTimeOffset.Parse(Value(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                    break;
                case "--speed": options.Speed = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--key": options.KeyId = Value(); break;
                case "--secret": options.SecretKey = Value(); break;
                case "--cash": options.StartingCash = decimal.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--quiet": options.ConsoleLogging = false; break;
                default: throw new ArgumentException($"Unknown argument '{name}'. Usage: {Usage}");
            }
        }
        if ((options.KeyId is null) != (options.SecretKey is null))
            throw new ArgumentException("Give both --key and --secret, or neither (then any key pair is accepted).");
        return options;
    }
}
