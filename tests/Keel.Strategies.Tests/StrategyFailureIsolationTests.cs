using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Strategies.Tests;

/// <summary>Live wiring (<see cref="TradingKernel.OnStrategyFailure"/>): a strategy that throws is disabled and reported; the others go on.</summary>
public class StrategyFailureIsolationTests
{
    private sealed class Counting(string name, int throwOnBar) : IStrategy
    {
        public int Bars { get; private set; }
        public string Name => name;
        public int WarmUpBars => 0;
        public Signal OnBar(in Bar bar, StrategyContext context) =>
            ++Bars == throwOnBar ? throw new InvalidOperationException("bad state") : Signal.Hold;
        public void Reset() => Bars = 0;
    }

    /// <summary>Holds never reach the port; a strategy that signalled would fail the test here.</summary>
    private sealed class NoOrders : IExecutionPort
    {
        public void Submit(OrderRequest order) => throw new InvalidOperationException("no order expected");
        public void Cancel(string clientOrderId) => throw new InvalidOperationException("no cancel expected");
    }

    [Fact]
    public void With_a_failure_handler_the_failing_strategy_is_disabled_and_the_other_goes_on()
    {
        var failures = new List<StrategyFailedException>();
        var kernel = new TradingKernel(new Portfolio(10_000m), new NoOrders(), new InMemoryJournal(), new RiskConfig(), TimeZoneInfo.Utc)
        {
            OnStrategyFailure = failures.Add,
        };
        var spy = Symbol.Parse("SPY");
        var failing = new Counting("failing", throwOnBar: 2);
        var steady = new Counting("steady", throwOnBar: 0);
        kernel.AddStrategy(failing, spy);
        kernel.AddStrategy(steady, spy);
        var start = new DateTime(2024, 1, 2, 21, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 5; i++) kernel.OnBar(spy, new Bar(start.AddDays(i), 100, 101, 99, 100, 1000));

        steady.Bars.ShouldBe(5);
        failing.Bars.ShouldBe(2); // not asked again after it threw
        var failure = failures.ShouldHaveSingleItem();
        failure.Message.ShouldBe("strategy 'failing' failed on the SPY bar of 2024-01-03 21:00:00Z: bad state");
        kernel.Slots.Single(s => s.Strategy == failing).Disabled.ShouldBeTrue();
    }
}
