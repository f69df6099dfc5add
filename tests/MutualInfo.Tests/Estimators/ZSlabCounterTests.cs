using CsCheck;
using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Estimators.Neighbours;
using MutualInfo.Estimators;
using MutualInfo.Randomness;
using MutualInfo.Tests.Conditional;

namespace MutualInfo.Tests.Estimators;

public class ZSlabCounterTests
{
    // Coarse grids (ties, duplicates, radii equal to exact distances) and continuous values; one column each.
    private static double[] Column(Rng rng, int n, bool coarse)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = coarse ? rng.NextInt(9) - 4 : rng.NextGaussian();
        return v;
    }

    [Fact]
    public void CountsEqualTheBlockScanForAnySlabSizeWithTies() =>
        Gen.Select(Gen.ULong, Gen.Int[1, 400], Gen.Int[1, 500], Gen.Bool).Sample((seed, n, slab, coarse) =>
        {
            var rng = new Rng(seed);
            double[] x = Column(rng, n, coarse), y = Column(rng, n, coarse), z = Column(rng, n, coarse);
            var blocks = new BlockedPoints(Enumerable.Range(0, n).ToArray(), (x, 1), (y, 1), (z, 1));
            var scratch = blocks.CreateScratch(1);
            var slabs = new ZSlabCounter(x, y, z, slab);
            var hints = slabs.CreateHints(); // carried from query to query: any state must give the same counts
            for (int i = 0; i < n; i++)
            {
                // Radii at another point's exact distance (the boundary case), just below it, 0, and wide.
                int j = rng.NextInt(n);
                double d = Math.Max(Math.Abs(x[i] - x[j]), Math.Max(Math.Abs(y[i] - y[j]), Math.Abs(z[i] - z[j])));
                foreach (double radius in new[] { d, KsgGeometry.StrictRadius(d), 0, 10 * rng.NextDouble() })
                {
                    var (nxz, nyz, nz, _) = blocks.CountConditional(i, radius, scratch);
                    if (slabs.Count(i, radius, hints) != (nxz, nyz, nz)) return false;
                }
            }
            return true;
        });

    [Fact]
    public void CountsEqualAnExhaustiveCountOnAFixedExample()
    {
        double[] x = [0, 1, 1, 2, 5, 0.5], y = [0, 0, 3, 1, 1, 0.25], z = [0, 1, 1, 1, 0.5, -1];
        var slabs = new ZSlabCounter(x, y, z, 2);
        var hints = slabs.CreateHints();
        // Point 1 (1, 0, 1) with radius 1: Z-ball {0, 1, 2, 3, 4}; within 1 in X also {0, 1, 2, 3}, in Y {0, 1, 3, 4}.
        Assert.Equal((4, 4, 5), slabs.Count(1, 1, hints));
        Assert.Equal((2, 1, 3), slabs.Count(1, 0, hints));
        Assert.Equal((1, 1, 1), slabs.Count(5, 0.5, hints));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void KsgCmiTermsWithOneColumnEachEqualTheTreeAndBlockPathsOfOtherShapes(int threads)
    {
        // The 1+1+1 terms (slabs) must equal what the block scan gives: embed the same data with a constant second
        // Z column, which changes no distance but sends the counts through the block scan.
        var s = CmiTestData.Draw("cmi-gaussian-1-1-1", 3000, 11);
        var constant = new double[2 * s.Count];
        for (int i = 0; i < s.Count; i++) constant[2 * i] = s.Z.Values[i];
        var z2 = new ConditionalSamples(s.X, s.Y, new ConditionalSamples.Block(constant, 2, ["z", "c"]));
        var slabTerms = KnnCmiTerms.Compute(s, 3, KnnCmiCounting.Continuous, threads);
        Assert.Equal(KnnCmiTerms.Compute(z2, 3, KnnCmiCounting.Continuous, 1, NeighbourSearch.Tree), slabTerms);
        Assert.Equal(KnnCmiTerms.Compute(z2, 3, KnnCmiCounting.Continuous, 2, NeighbourSearch.BruteForce), slabTerms);
    }
}
