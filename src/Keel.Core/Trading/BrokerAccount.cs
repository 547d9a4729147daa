namespace Keel.Core.Trading;

/// <summary>The broker's account as a session reads it: cash to trade with and equity to record.</summary>
public readonly record struct BrokerAccount(decimal Cash, decimal Equity);
