namespace Keel.Live.Config;

/// <summary>A config file that cannot run; the message lists every problem and what to write instead.</summary>
public sealed class LiveConfigException(string message) : Exception(message);
