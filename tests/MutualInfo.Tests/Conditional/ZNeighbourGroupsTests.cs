using MutualInfo.Estimators.Conditional;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Conditional;

public class ZNeighbourGroupsTests
{
    [Fact]
    public void GroupsAreDisjointFullSizedAndCompactInZ()
    {
        var s = CmiTestData.Draw("cmi-gaussian-2-2-2", 1000, 3);
        var groups = ZNeighbourGroups.Of(s.Z, s.Count, 64, new Rng(1));
        Assert.Equal(1000 / 64, groups.Length);
        Assert.All(groups, g => Assert.Equal(64, g.Length));
        var rows = groups.SelectMany(g => g).ToArray();
        Assert.Equal(rows.Length, rows.Distinct().Count());
        // A k-d tree cell of 64 of 1000 points spans a small part of Z; random groups of 64 span nearly all of it.
        double Spread(IEnumerable<int[]> gs) => gs.Average(g => Enumerable.Range(0, s.Z.Dim).Max(c => g.Max(i => s.Z[i, c]) - g.Min(i => s.Z[i, c])));
        var random = Enumerable.Range(0, groups.Length).Select(g => Resampling.Permutation(new Rng(9), 1000).AsSpan(g * 64, 64).ToArray());
        Assert.True(Spread(groups) < 0.5 * Spread(random), $"{Spread(groups)} vs {Spread(random)}");
    }

    [Fact]
    public void WithoutZTheGroupsAreASeededRandomPartition()
    {
        var a = ZNeighbourGroups.Of(MutualInfo.Data.ConditionalSamples.Block.Empty, 100, 10, new Rng(4));
        var b = ZNeighbourGroups.Of(MutualInfo.Data.ConditionalSamples.Block.Empty, 100, 10, new Rng(4));
        Assert.Equal(a, b);
        Assert.Equal(Enumerable.Range(0, 100), a.SelectMany(g => g).Order());
    }
}
