namespace Keel.Live.Config;

/// <summary>The <c>alerts.degradation</c> section: how a strategy's live record is held against its backtest.</summary>
internal sealed partial class LiveConfigFile
{
    internal sealed class DegradationSection
    {
        /// <summary>The latest this many live trades are judged (default 30).</summary>
        public int? Window { get; set; }
        /// <summary>Fewer live trades say nothing yet (default 10).</summary>
        public int? MinTrades { get; set; }
        /// <summary>The bootstrap band a figure must stay in, percent (default 95): below it, a warning.</summary>
        public double? ConfidencePercent { get; set; }
        /// <summary>The wider band whose breach is critical (default 99).</summary>
        public double? CriticalConfidencePercent { get; set; }
    }
}
