using FsCheck.Xunit;
using Keel.Core.Backtest;

namespace Keel.Core.Tests.Execution;

/// <summary>The broker's memory of ids answers exactly as a plain set would, whatever order ids come in.</summary>
public class SubmittedIdsTests
{
    [Property(MaxTest = 200)]
    public void Answers_as_a_set_does(int seed)
    {
        var random = new Random(seed);
        // Mostly growing ids (as one strategy makes them), mixed with repeats, smaller ones and other prefixes.
        var ids = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(random.Next(6) switch
            {
                0 when ids.Count > 0 => ids[random.Next(ids.Count)],
                1 => $"k0000-B-{random.Next(1000):D6}",
                2 => $"k9999-A-{random.Next(1000):D6}",
                _ => $"k5555-A-{i:D6}",
            });
        }
        var submitted = new SubmittedIds();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids) submitted.Add(id).ShouldBe(reference.Add(id), id);
    }

    [Property(MaxTest = 200)]
    public void Keel_ids_of_interleaved_symbols_answer_as_a_set_does(int seed)
    {
        var random = new Random(seed);
        var prefixes = new[] { "k0a1b2c3d-SPY-", "k0a1b2c3d-AAPL-", "kffee0011-SPY-" };
        var start = new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);
        var ids = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var prefix = prefixes[random.Next(prefixes.Length)];
            ids.Add(random.Next(8) switch
            {
                0 when ids.Count > 0 => ids[random.Next(ids.Count)],
                1 => Keel.Core.Trading.ClientOrderIds.For(prefix, start.AddMinutes(random.Next(400)), Keel.Core.Trading.OrderPurpose.Exit), // not growing
                2 => prefix + "not-a-time-X", // Keel's prefix, another tail: the general path
                _ => Keel.Core.Trading.ClientOrderIds.For(prefix, start.AddMinutes(i), (Keel.Core.Trading.OrderPurpose)random.Next(3)),
            });
        }
        using var submitted = new SubmittedIds();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids) submitted.Add(id).ShouldBe(reference.Add(id), id);
    }

    [Fact]
    public void Many_growing_ids_outgrow_the_first_pooled_arrays()
    {
        using var submitted = new SubmittedIds();
        for (var i = 0; i < 5_000; i++) submitted.Add($"k1234abcd-ACME-{i:D12}-E").ShouldBeTrue();
        submitted.Add($"k1234abcd-ACME-{2_500:D12}-E").ShouldBeFalse();
        submitted.Add($"k1234abcd-ACME-{2_500:D12}-X").ShouldBeTrue();
    }

    [Fact]
    public void An_id_given_twice_in_a_row_is_refused_the_second_time()
    {
        var submitted = new SubmittedIds();
        submitted.Add("b").ShouldBeTrue();
        submitted.Add("b").ShouldBeFalse();
        submitted.Add("a").ShouldBeTrue();
        submitted.Add("a").ShouldBeFalse();
        submitted.Add("b").ShouldBeFalse();
        submitted.Add("c").ShouldBeTrue();
    }
}
