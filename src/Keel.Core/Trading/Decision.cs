using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Trading;

/// <summary>A non-hold signal and what the kernel did with it, so every trade (and every non-trade) is explained.</summary>
public sealed record Decision(DateTime Time, string Strategy, Symbol Symbol, Signal Signal, string Outcome);
