using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

public class WalkForwardWindowsTests
{
    [Fact]
    public void Rolling_windows_keep_their_length_and_step_by_the_out_of_sample_length()
    {
        // 100 bars, IS 40, OOS 20: OOS windows [40,60), [60,80), [80,100); the last one ends at the last bar.
        WalkForwardWindows.Create(100, 40, 20, anchored: false).ShouldBe(
        [
            new WalkForwardWindow(0, 40, 40, 60),
            new WalkForwardWindow(20, 60, 60, 80),
            new WalkForwardWindow(40, 80, 80, 100),
        ]);
    }

    [Fact]
    public void Anchored_windows_all_start_at_the_first_bar()
    {
        WalkForwardWindows.Create(100, 40, 20, anchored: true).ShouldBe(
        [
            new WalkForwardWindow(0, 40, 40, 60),
            new WalkForwardWindow(0, 60, 60, 80),
            new WalkForwardWindow(0, 80, 80, 100),
        ]);
    }

    [Fact]
    public void A_short_last_window_is_kept_from_half_a_window_and_dropped_below()
    {
        // 110 bars: after [80,100) 10 bars remain = half of 20 → kept as [100,110).
        WalkForwardWindows.Create(110, 40, 20, anchored: false)[^1].ShouldBe(new WalkForwardWindow(60, 100, 100, 110));
        // 109 bars: 9 remain < 10 → dropped; the last 9 bars are not tested.
        var windows = WalkForwardWindows.Create(109, 40, 20, anchored: false);
        windows[^1].ShouldBe(new WalkForwardWindow(40, 80, 80, 100));
        // Odd OOS length: half of 5 rounds up to 3.
        WalkForwardWindows.MinimumLastWindow(5).ShouldBe(3);
        WalkForwardWindows.Create(13, 5, 5, anchored: true).Select(w => w.OosEnd).ShouldBe([10, 13]);
        WalkForwardWindows.Create(12, 5, 5, anchored: true).Select(w => w.OosEnd).ShouldBe([10]);
    }

    [Fact]
    public void Too_few_bars_or_empty_windows_are_refused()
    {
        Should.Throw<ArgumentException>(() => WalkForwardWindows.Create(49, 40, 20, false)).Message.ShouldContain("too few");
        Should.Throw<ArgumentOutOfRangeException>(() => WalkForwardWindows.Create(100, 0, 20, false));
        Should.Throw<ArgumentOutOfRangeException>(() => WalkForwardWindows.Create(100, 40, 0, false));
    }

    [Property(MaxTest = 300)]
    public Property Out_of_sample_windows_tile_the_series_after_the_first_in_sample_window()
    {
        var sizes = Gen.Choose(1, 60).Three().Select(t => (Bars: t.Item1 * 5, InSample: t.Item2, OutOfSample: t.Item3));
        return Prop.ForAll(sizes.ToArbitrary(), s =>
        {
            if (s.InSample + WalkForwardWindows.MinimumLastWindow(s.OutOfSample) > s.Bars) return true;
            foreach (var anchored in new[] { false, true })
            {
                var w = WalkForwardWindows.Create(s.Bars, s.InSample, s.OutOfSample, anchored);
                if (w.Count == 0 || w[0].OosStart != s.InSample) return false;
                for (var i = 0; i < w.Count; i++)
                {
                    if (w[i].OosStart != w[i].IsEnd) return false;                       // OOS follows IS immediately
                    if (w[i].IsStart != (anchored ? 0 : w[i].OosStart - s.InSample)) return false;
                    if (w[i].OosLength > s.OutOfSample || w[i].OosLength < WalkForwardWindows.MinimumLastWindow(s.OutOfSample)) return false;
                    if (i > 0 && w[i].OosStart != w[i - 1].OosEnd) return false;        // no gap, no overlap
                    if (i < w.Count - 1 && w[i].OosLength != s.OutOfSample) return false; // only the last is short
                }
                var untested = s.Bars - w[^1].OosEnd;
                if (untested < 0 || untested >= WalkForwardWindows.MinimumLastWindow(s.OutOfSample)) return false; // covers to the end
            }
            return true;
        });
    }

    [Fact]
    public void Efficiency_compares_annualised_returns()
    {
        // 252 daily bars IS at +21% → 21% a year; 63 bars OOS at +4.88% → 1.0488^4 − 1 ≈ 21% a year too.
        WalkForwardEfficiency.AnnualisedReturn(0.21, 252, 252).ShouldBe(0.21, 1e-12);
        WalkForwardEfficiency.AnnualisedReturn(0.1, 126, 252).ShouldBe(0.21, 1e-12);
        WalkForwardEfficiency.Compute(0.21, 252, 0.1, 126, 252).ShouldBe(1, 1e-12);
        WalkForwardEfficiency.Compute(0.21, 252, 0, 63, 252).ShouldBe(0);
        WalkForwardEfficiency.Compute(0.21, 252, -0.05, 63, 252).ShouldBeLessThan(0);
        // A losing in-sample window leaves nothing to be efficient about.
        double.IsNaN(WalkForwardEfficiency.Compute(-0.1, 252, -0.2, 63, 252)).ShouldBeTrue();
        WalkForwardEfficiency.AnnualisedReturn(-1, 10, 252).ShouldBe(-1);
    }
}
