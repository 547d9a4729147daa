using Keel.Reporting.Service;

namespace Keel.Live.Tests.Alerts;

/// <summary>The daily report of a paper day: its figures match the store, and <c>keel report daily --send</c> sends it once per period.</summary>
public sealed class ReportTests
{
    private static readonly DateOnly Monday = new(2024, 12, 16);

    [Fact]
    public async Task The_daily_report_adds_up_and_is_sent_once_even_when_asked_twice()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        await paper.RunUntilAsync(PaperData.Start.AddDays(1));
        await using var smtp = new LoopbackSmtp();
        var folder = Path.GetDirectoryName(paper.Settings.SqlitePath)!;
        var url = paper.Sim.BaseUrl.ToString().TrimEnd('/');
        var config = Path.Combine(folder, "report.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "alpaca": { "tradingUrl": "{{url}}", "dataUrl": "{{url}}" },
              "timeframe": "15Min", "symbols": ["SPY", "AAPL", "BTC/USD"], "strategies": ["sma-crossover:fast=3,slow=8", "rsi:period=6,oversold=40,overbought=60"],
              "store": { "sqlite": "paper.db" },
              "alerts": { "reports": "reports", "sinks": [ { "type": "email", "host": "127.0.0.1", "port": {{smtp.Port}}, "security": "none", "from": "k@example.com", "to": ["me@example.com"] } ] }
            }
            """);

        var report = ServiceReport.Build(paper.Store, "daily", Monday, TimeZoneInfo.Utc);
        var trades = paper.Store.Trades().Where(t => DateOnly.FromDateTime(t.ExitTime) == Monday).ToList();
        trades.ShouldNotBeEmpty();
        report.Trades.Count.ShouldBe(trades.Count);
        report.PerStrategy.Sum(s => s.Pnl).ShouldBe(trades.Sum(t => t.NetPnl));
        report.RealizedPnl.ShouldBe(trades.Sum(t => t.NetPnl));

        var first = KeelCli.Run(folder, "report", "daily", "--config", config, "--date", "2024-12-16", "--send");
        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldContain("email-1: delivered");
        var second = KeelCli.Run(folder, "report", "daily", "--config", config, "--date", "2024-12-16", "--send");
        second.ExitCode.ShouldBe(0, second.Stderr);
        second.Stdout.ShouldContain("already sent");

        var mail = smtp.Messages.ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("[Keel] Keel daily report 2024-12-16: P&L");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("<svg class=\"equity\"");
        foreach (var strategy in report.PerStrategy) mail.HtmlBody.ShouldContain(System.Net.WebUtility.HtmlEncode(strategy.Strategy));
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "reports", "daily-2024-12-16.html"));
        html.Split("<tr>").Length.ShouldBeGreaterThan(trades.Count, "a row per trade");
        File.Exists(Path.Combine(folder, "reports", "daily-2024-12-16.txt")).ShouldBeTrue();
        paper.Store.AllAlerts().Where(a => a.Kind == "report-daily").ShouldHaveSingleItem();
        paper.Store.OpenAlerts().ShouldNotContain(a => a.Kind == "report-daily");
    }
}
