namespace Keel.Alerts;

/// <summary>A sink could not deliver; the message names the sink's problem and never carries a secret.</summary>
public sealed class AlertDeliveryException(string message) : Exception(message);
