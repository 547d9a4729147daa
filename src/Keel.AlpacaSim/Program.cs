using Keel.AlpacaSim;

// The Alpaca-compatible local server as its own process. `keel sim` runs the same in the keel process.
SimOptions options;
try
{
    options = SimCommandLine.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

await using var server = await SimServer.StartAsync(options);
Console.WriteLine($"Alpaca-compatible sim on {server.BaseUrl} (clock {server.Clock.GetUtcNow():O}, speed {options.Speed}x). Ctrl+C stops it.");
await server.WaitForShutdownAsync();
return 0;
