namespace Keel.Live.Config;

/// <summary>The <c>capital</c> and <c>gates</c> sections: the path from paper to real money.</summary>
internal sealed partial class LiveConfigFile
{
    public CapitalSection? Capital { get; set; }
    public GatesSection? Gates { get; set; }

    internal sealed class CapitalSection
    {
        /// <summary>In order; each a share of equity and the days before the next may be promoted to. Default 5% for 30 days, 25% for 60, then 100%.</summary>
        public List<StageSection>? Stages { get; set; }
        /// <summary>"demote" (one stage down, the default), "halt" or "none".</summary>
        public string? OnCriticalAlert { get; set; }
    }

    internal sealed class StageSection
    {
        public decimal? Percent { get; set; }
        public int? Days { get; set; }
    }

    internal sealed class GatesSection
    {
        public double? MinSharpe { get; set; }
        public double? MaxDrawdownWarnPercent { get; set; }
        public double? MaxDrawdownFailPercent { get; set; }
        public double? MinWinRatePercent { get; set; }
        public double? MaxWinRatePercent { get; set; }
        public double? WinRateOverfitWarnPercent { get; set; }
        public double? MinDeflatedSharpe { get; set; }
        public double? MaxPbo { get; set; }
        public double? OutOfSampleFraction { get; set; }
        public double? MinPositiveMonthsPercent { get; set; }
        public double? WorstMonthFloorPercent { get; set; }
        public double? MaxSingleTradeLossPercent { get; set; }
        public double? MaxCorrelation { get; set; }
        public int? MinPaperDays { get; set; }
        public int? MinPaperTrades { get; set; }
        public double? MaxPaperDriftPercent { get; set; }
        public int? MaxGateAgeDays { get; set; }
        public int? BacktestDays { get; set; }
    }
}
