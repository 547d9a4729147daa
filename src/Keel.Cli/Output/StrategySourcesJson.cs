using Keel.Core.Strategies;
using Keel.Reporting.Json;
using Keel.Strategies;

namespace Keel.Cli.Output;

/// <summary><c>strategy_sources</c> of a result: for each strategy, the code that made it (<see cref="StrategyCode"/>).</summary>
internal static class StrategySourcesJson
{
    public static IReadOnlyList<StrategySourceJson> Of(IEnumerable<IStrategySpec> specs) =>
        specs.Select(StrategyCode.Of).Select(c => new StrategySourceJson(c.Strategy, c.Kind, c.Path, c.Sha256)).ToList();
}
