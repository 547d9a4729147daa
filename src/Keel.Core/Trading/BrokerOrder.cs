namespace Keel.Core.Trading;

/// <summary>An order found at the broker: its id there, its status in the broker's words, and how much has filled.</summary>
public sealed record BrokerOrder(string BrokerOrderId, string Status, decimal FilledQuantity);
