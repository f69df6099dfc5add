using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Numerics;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Conditional;

public class KsgCmiTests
{
    [Fact]
    public void WithoutZItEqualsKsgEstimatorOne()
    {
        var s = CmiTestData.Draw("cmi-collider", 700, 2);
        var paired = s.XY();
        double ksg = new KsgEstimator(new KsgOptions { TieNoise = 0 }).PointEstimate(paired, 1);
        var noZ = new ConditionalSamples(s.X, s.Y, ConditionalSamples.Block.Empty);
        Assert.Equal(ksg, new KsgCmiEstimator(new CmiOptions { TieNoise = 0 }).PointEstimate(noZ, 1), 12);
    }

    [Theory]
    [InlineData("cmi-gaussian-2-2-2", 90, false, NeighbourSearch.Auto)]
    [InlineData("cmi-gaussian-2-2-2", 90, true, NeighbourSearch.Auto)]
    [InlineData("cmi-gaussian-2-2-2", 300, false, NeighbourSearch.Tree)]
    [InlineData("cmi-gaussian-1-1-1", 300, false, NeighbourSearch.BruteForce)]
    [InlineData("cmi-gaussian-1-1-1", 300, true, NeighbourSearch.Tree)]
    [InlineData("cmi-collider", 250, false, NeighbourSearch.BruteForce)]
    public void TermsEqualABruteForceFrenzelPompeComputation(string task, int n, bool mixed, NeighbourSearch search)
    {
        var s = CmiTestData.Draw(task, n, 5);
        var terms = KnnCmiTerms.Compute(s, 4, mixed ? KnnCmiCounting.Mixed : KnnCmiCounting.Continuous, 2, search);
        Assert.Equal(Naive(s, 4), terms.Average(), 12);
    }

    [Theory]
    [InlineData("cmi-chain", false)]
    [InlineData("cmi-gaussian-2-2-2", false)]
    [InlineData("cmi-discrete-xyz", true)]
    [InlineData("cmi-binary-x-gaussian-y-given-z", true)]
    public void BlockedAndTreeJointSearchesGiveIdenticalTermsWhateverTheThreads(string task, bool mixed)
    {
        var s = CmiTestData.Draw(task, 3000, 7);
        var counting = mixed ? KnnCmiCounting.Mixed : KnnCmiCounting.Continuous;
        var reference = KnnCmiTerms.Compute(s, 3, counting, 1, NeighbourSearch.Tree);
        Assert.Equal(reference, KnnCmiTerms.Compute(s, 3, counting, 2, NeighbourSearch.BruteForce));
        Assert.Equal(reference, KnnCmiTerms.Compute(s, 3, counting, 2, NeighbourSearch.Auto));
    }

    [Fact]
    public void MixedCountingOnADiscreteAtomUsesTheTiedPoints()
    {
        // X, Y, Z discrete codes: every k-th distance is 0, so the Gao term is ψ(k̃) − ψ(n_xz) − ψ(n_yz) + ψ(n_z)
        // with counts of exact matches; on a discrete table that is the plug-in CMI up to the digamma/log difference.
        var s = CmiTestData.Draw("cmi-discrete-xyz", 6000, 4);
        double mixed = new KsgCmiEstimator(new CmiOptions { TieNoise = 0 }, mixed: true).PointEstimate(s, 1);
        Assert.Equal(CmiTestData.Task("cmi-discrete-xyz").Truth, mixed, 1);
    }

    [Fact]
    public void ChainCiCoversZeroAndColliderCiCoversTheTruth()
    {
        var options = new CmiOptions { Splits = 20, Threads = 2 };
        var chain = new KsgCmiEstimator(options).Estimate(CmiTestData.Draw("cmi-chain", 3000, 1), 1);
        Assert.True(chain.Ci95Low <= 0 && 0 <= chain.Ci95High, $"[{chain.Ci95Low}, {chain.Ci95High}]");
        var collider = new KsgCmiEstimator(options).Estimate(CmiTestData.Draw("cmi-collider", 3000, 1), 1);
        double truth = CmiTestData.Task("cmi-collider").Truth;
        Assert.True(collider.Ci95Low <= truth && truth <= collider.Ci95High, $"[{collider.Ci95Low}, {collider.Ci95High}] vs {truth}");
    }

    [Fact]
    public void NormalScoresVariantIsInvariantUnderMonotoneMapsAndCloseToTheTruth()
    {
        var plain = CmiTestData.Draw("cmi-gaussian-1-1-1", 3000, 8);
        var mapped = CmiTestData.Draw("cmi-maps-gaussian-1-1-1", 3000, 8);
        var estimator = new CopulaKsgCmiEstimator(new CmiOptions { Splits = 10, Surrogates = 4 });
        var a = estimator.Estimate(plain, 1);
        var b = estimator.Estimate(mapped, 1);
        Assert.Equal(a.Mi, b.Mi, 12);
        double truth = CmiTestData.Task("cmi-gaussian-1-1-1").Truth;
        Assert.True(Math.Abs(a.Mi - truth) < 3 * a.StdError + 0.01, $"{a.Mi} vs {truth} (SE {a.StdError})");
    }

    [Fact]
    public void SameSeedSameNumbersWhateverTheThreadCount()
    {
        var s = CmiTestData.Draw("cmi-collider", 1500, 6);
        var one = new CopulaKsgCmiEstimator(new CmiOptions { Splits = 4, Surrogates = 2, Threads = 1 }).Estimate(s, 9);
        var two = new CopulaKsgCmiEstimator(new CmiOptions { Splits = 4, Surrogates = 2, Threads = 2 }).Estimate(s, 9);
        Assert.Equal(one.Mi, two.Mi);
        Assert.Equal(one.StdError, two.StdError);
    }

    // O(n²) Frenzel–Pompe with strict counts; the Mixed mode agrees on continuous data (no zero distances).
    private static double Naive(ConditionalSamples s, int k)
    {
        int n = s.Count;
        var all = s.X.Concat(s.Y).Concat(s.Z);
        var xz = s.X.Concat(s.Z);
        var yz = s.Y.Concat(s.Z);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            var d = Enumerable.Range(0, n).Where(j => j != i).Select(j => Dist(all, i, j)).OrderBy(v => v).ToArray();
            double eps = d[k - 1];
            int nxz = Enumerable.Range(0, n).Count(j => j != i && Dist(xz, i, j) < eps);
            int nyz = Enumerable.Range(0, n).Count(j => j != i && Dist(yz, i, j) < eps);
            int nz = Enumerable.Range(0, n).Count(j => j != i && Dist(s.Z, i, j) < eps);
            sum += SpecialFunctions.Digamma(k) - SpecialFunctions.Digamma(nxz + 1) - SpecialFunctions.Digamma(nyz + 1) + SpecialFunctions.Digamma(nz + 1);
        }
        return sum / n;
    }

    private static double Dist(ConditionalSamples.Block b, int i, int j)
    {
        double m = 0;
        for (int c = 0; c < b.Dim; c++) m = Math.Max(m, Math.Abs(b[i, c] - b[j, c]));
        return m;
    }
}
