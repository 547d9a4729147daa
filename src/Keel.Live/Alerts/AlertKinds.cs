namespace Keel.Live.Alerts;

/// <summary>The kinds of alert the service raises (stored, listed by <c>keel alerts</c>, in every message).</summary>
public static class AlertKinds
{
    public const string Drawdown = "drawdown";
    public const string DailyLoss = "daily-loss";
    public const string DailyLossHalt = "daily-loss-halt";
    public const string StaleData = "stale-data";
    public const string Degradation = "degradation";
    public const string Drift = "drift";
    public const string OrderRejected = "order-rejected";
    public const string OrderHung = "order-hung";
    public const string OrderPartial = "order-partial";
    public const string BuyingPower = "buying-power";
    public const string OrderSkipped = "order-skipped";
    public const string Reconciliation = "reconciliation";
    public const string KillSwitch = "kill-switch";
    public const string ServiceStarted = "service-started";
    public const string ServiceStopped = "service-stopped";
    public const string CrashRestart = "crash-restart";
    public const string ServiceFailed = "service-failed";
    public const string ServiceDown = "service-down";
    public const string Test = "test";
}
