namespace Keel.Cli;

/// <summary>Bad input or usage: printed on stderr without a stack trace, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
