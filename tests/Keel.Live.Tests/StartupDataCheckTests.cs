using Keel.Core.Domain;

namespace Keel.Live.Tests;

/// <summary>
/// A config whose timeframe the data source does not serve used to run forever with "0 bars" every cycle;
/// the session now refuses to start and says which symbols came back empty.
/// </summary>
public sealed class StartupDataCheckTests
{
    // Two days into the paper data: there is 15-minute history to warm up on.
    private static readonly DateTime Later = PaperData.Start.AddDays(2);

    [Fact]
    public async Task A_timeframe_the_data_source_does_not_serve_is_refused_at_start()
    {
        var refused = await Should.ThrowAsync<LiveStartRefusedException>(() => PaperHarness.StartAsync(
            folder => PaperData.Write(folder, PaperData.Start, PaperData.Start.AddDays(3)), Later,
            configure: s => s with { Timeframe = Timeframe.Parse("7Min"), WarmUpBars = 20 }));

        refused.Message.ShouldContain("no 7Min bars");
        foreach (var symbol in PaperData.Symbols) refused.Message.ShouldContain(symbol.Ticker + " (0 bars");
    }

    [Fact]
    public async Task The_same_config_at_a_served_timeframe_starts_and_warms_up()
    {
        await using var paper = await PaperHarness.StartAsync(
            folder => PaperData.Write(folder, PaperData.Start, PaperData.Start.AddDays(3)), Later,
            configure: s => s with { WarmUpBars = 20 });

        foreach (var symbol in PaperData.Symbols) paper.Store.Cursor(symbol).ShouldNotBeNull();
    }
}
