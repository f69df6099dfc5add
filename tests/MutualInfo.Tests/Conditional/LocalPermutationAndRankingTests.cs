using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Conditional;

public class LocalPermutationAndRankingTests
{
    [Fact]
    public void DiscreteZPermutesXWithinStrataOnly()
    {
        var s = CmiTestData.Draw("cmi-switch-categorical-z", 300, 1);
        var source = LocalPermutationTest.Sampler(s, 5)(new Rng(3));
        Assert.Equal(Enumerable.Range(0, 300), source.OrderBy(v => v));
        for (int i = 0; i < 300; i++) Assert.Equal(s.Z[i, 0], s.Z[source[i], 0]);
    }

    [Fact]
    public void ContinuousZDrawsFromTheRowsOwnNeighbourhood()
    {
        var s = CmiTestData.Draw("cmi-chain", 400, 1);
        var source = LocalPermutationTest.Sampler(s, 5)(new Rng(4));
        for (int i = 0; i < 400; i++)
        {
            double gap = Math.Abs(s.Z[i, 0] - s.Z[source[i], 0]);
            int closer = Enumerable.Range(0, 400).Count(j => j != i && Math.Abs(s.Z[j, 0] - s.Z[i, 0]) < gap);
            Assert.True(closer < 5, $"row {i} took X from its {closer + 1}-th neighbour");
        }
    }

    [Fact]
    public void ChainIsNotRejectedAndColliderIs()
    {
        var options = new CmiOptions { Splits = 4, Surrogates = 2 };
        var chain = ConditionalMi.Estimate(CmiTestData.Draw("cmi-chain", 1000, 2), "ksg-cmi", options, permutations: 49, seed: 2);
        var collider = ConditionalMi.Estimate(CmiTestData.Draw("cmi-collider", 1000, 2), "ksg-cmi", options, permutations: 49, seed: 2);
        Assert.True(chain.PValue > 0.05, $"chain p = {chain.PValue}");
        Assert.Equal(0.02, collider.PValue!.Value, 12);
    }

    [Fact]
    public void BenjaminiHochbergMatchesTheStepUpDefinition()
    {
        double[] p = [0.01, 0.04, 0.03, 0.20, 0.005];
        // sorted: .005 .01 .03 .04 .20 → ×5/rank: .025 .025 .05 .05 .20, then running minima from the top.
        Assert.Equal([0.025, 0.05, 0.05, 0.20, 0.025], FeatureRanking.BenjaminiHochberg(p).Select(v => Math.Round(v, 12)).ToArray());
    }

    [Fact]
    public void RankSortsInformativeFeaturesFirstWithSmallQValues()
    {
        var rng = new Rng(12);
        int n = 1500;
        var f = new double[n * 4];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < 4; c++) f[i * 4 + c] = c == 3 ? rng.NextInt(3) : rng.NextGaussian();
            y[i] = f[i * 4 + 1] + 0.8 * f[i * 4 + 3] + 0.5 * rng.NextGaussian();
        }
        var features = new ConditionalSamples.Block(f, 4, ["a", "b", "c", "d"], [false, false, false, true]);
        var result = FeatureRanking.Rank(features, CmiTestData.Column(y, "y"), new RankOptions { Permutations = 50, Conditional = true, Threads = 2 }, 5);
        Assert.Equal("b", result.Features[0].Name);
        Assert.Equal("d", result.Features[1].Name);
        Assert.Equal("ross", result.Features[1].Estimator);
        Assert.True(result.Features[0].QValue < 0.05 && result.Features[1].QValue < 0.05);
        Assert.True(result.Features.Single(s => s.Name == "a").PValue > 0.01);
        Assert.Equal(["b", "d"], result.Selection!.Where(s => s.Selected).Select(s => s.Name).ToArray());
        Assert.False(result.Selection![^1].Selected);
    }

    [Fact]
    public void TargetAmongFeaturesAndOneLevelDiscreteColumnsAreUsageErrors()
    {
        var a = CmiTestData.Column([1.0, 2, 3, 4, 5, 6, 7, 8], "a");
        var e = Assert.ThrowsAny<ArgumentException>(() => FeatureRanking.Rank(a, CmiTestData.Column([1.0, 2, 3, 4, 5, 6, 7, 9], "a")));
        Assert.Contains("target", e.Message);
        var single = new ConditionalSamples(CmiTestData.Column([1.0, 1, 1, 1, 1, 1, 1, 1], "x", true), CmiTestData.Column([1.0, 2, 3, 4, 5, 6, 7, 8], "y"), ConditionalSamples.Block.Empty);
        Assert.Contains("single level", Assert.ThrowsAny<ArgumentException>(() => ConditionalMi.Estimate(single)).Message);
    }
}
