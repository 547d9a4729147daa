namespace Keel.Live;

/// <summary>
/// The session will not start because what it found contradicts its config (for example, the data source
/// serves no bars at the configured timeframe). The service says so in one line and exits with code 2,
/// instead of running forever with "0 bars" every cycle.
/// </summary>
public sealed class LiveStartRefusedException(string message) : Exception(message);
