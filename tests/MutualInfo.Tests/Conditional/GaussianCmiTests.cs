using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;

namespace MutualInfo.Tests.Conditional;

public class GaussianCmiTests
{
    [Fact]
    public void ExactCmiOfOneDimensionalBlocksIsThePartialCorrelationFormula()
    {
        double[] cov = [1, 0.6, 0.5, 0.6, 1, 0.5, 0.5, 0.5, 1];
        double partial = (0.6 - 0.5 * 0.5) / Math.Sqrt((1 - 0.25) * (1 - 0.25));
        Assert.Equal(-0.5 * Math.Log(1 - partial * partial), GaussianCmi.Exact(cov, 1, 1, 1), 12);
        Assert.Equal(-0.5 * Math.Log(1 - 0.36), GaussianCmi.Exact([1, 0.6, 0.6, 1], 1, 1, 0), 12);
    }

    [Fact]
    public void ChainHasZeroAndColliderHasClosedFormCmi()
    {
        Assert.Equal(0, CmiTestData.Task("cmi-chain").Truth);
        Assert.Equal(-0.5 * Math.Log(1 - 0.64), CmiTestData.Task("cmi-collider").Truth, 12);
    }

    [Fact]
    public void EstimateIsWithinItsErrorOfTheTruthAndInvariantUnderAffineMaps()
    {
        var s = CmiTestData.Draw("cmi-gaussian-1-1-1", 4000, 3);
        var e = new GaussianCmiEstimator(new CmiOptions { Resamples = 100, Threads = 1 }).Estimate(s, 1);
        double truth = CmiTestData.Task("cmi-gaussian-1-1-1").Truth;
        Assert.True(Math.Abs(e.Mi - truth) < 4 * e.StdError, $"{e.Mi} vs {truth} (SE {e.StdError})");
        var mapped = new ConditionalSamples(Map(s.X, v => 3 * v + 1), Map(s.Y, v => -0.2 * v), Map(s.Z, v => 7 * v - 4));
        var estimator = new GaussianCmiEstimator();
        Assert.Equal(estimator.PointEstimate(s, 1), estimator.PointEstimate(mapped, 1), 9);
    }

    [Fact]
    public void WishartCorrectionRemovesThePlugInBiasUnderConditionalIndependence()
    {
        // Chain data: true CMI 0. The plug-in is biased upward by about 1/2n per pair; the corrected mean over
        // many small samples must sit within its standard error of 0.
        var estimator = new GaussianCmiEstimator();
        var values = Enumerable.Range(0, 400).Select(i => estimator.PointEstimate(CmiTestData.Draw("cmi-chain", 40, (ulong)i + 10), 1)).ToArray();
        double mean = values.Average(), se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
        Assert.True(Math.Abs(mean) < 3 * se, $"mean {mean}, se {se}");
    }

    private static ConditionalSamples.Block Map(ConditionalSamples.Block b, Func<double, double> f) => new(b.Values.Select(f).ToArray(), b.Dim, b.Names, b.Discrete);
}
