using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Estimators.Discrete;

namespace MutualInfo.Tests.Conditional;

public class DiscreteEstimatorTests
{
    private static readonly double[] Xs = [0, 0, 0, 1, 1, 1, 2, 2, 0, 1, 2, 2, 0, 1];
    private static readonly double[] Ys = [0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0];

    [Fact]
    public void PlugInIsTheMillerMadowEntropyIdentity()
    {
        var s = new ConditionalSamples(CmiTestData.Column(Xs, "x", true), CmiTestData.Column(Ys, "y", true), ConditionalSamples.Block.Empty);
        double expected = MillerMadow(Xs.Select(v => v.ToString()).ToArray()) + MillerMadow(Ys.Select(v => v.ToString()).ToArray())
                        - MillerMadow(Xs.Zip(Ys, (a, b) => $"{a},{b}").ToArray());
        Assert.Equal(expected, new PlugInEstimator().PointEstimate(s, 1), 12);
    }

    [Fact]
    public void JackknifeSeEqualsLiteralLeaveOneOut()
    {
        double[] z = Xs.Select((_, i) => (double)(i % 2)).ToArray();
        var s = new ConditionalSamples(CmiTestData.Column(Xs, "x", true), CmiTestData.Column(Ys, "y", true), CmiTestData.Column(z, "z", true));
        var estimator = new PlugInEstimator();
        int n = s.Count;
        var loo = Enumerable.Range(0, n).Select(i => estimator.PointEstimate(s.Rows(Enumerable.Range(0, n).Where(j => j != i).ToArray()), 1)).ToArray();
        double mean = loo.Average();
        double expected = Math.Sqrt((n - 1.0) / n * loo.Sum(v => (v - mean) * (v - mean)));
        Assert.Equal(expected, estimator.Estimate(s, 1).StdError, 12);
    }

    [Fact]
    public void PlugInRecoversTheDiscreteTablesTruthWithinItsCi()
    {
        foreach (string task in new[] { "discrete-3x4", "cmi-discrete-xyz" })
        {
            var e = new PlugInEstimator().Estimate(CmiTestData.Draw(task, 5000, 11), 1);
            double truth = CmiTestData.Task(task).Truth;
            Assert.True(e.Ci95Low <= truth && truth <= e.Ci95High, $"{task}: [{e.Ci95Low}, {e.Ci95High}] vs {truth}");
        }
    }

    [Fact]
    public void RossMatchesScikitLearnsComputeMiCdOnFixedData()
    {
        // Reference: sklearn.feature_selection._mutual_info._compute_mi_cd(x, d, 3) = 0.3448644678264099 for these
        // data (scikit-learn 1.2, Debian python3-sklearn; no noise is added by that function).
        int n = 400;
        var x = new double[n];
        var d = new int[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = i * 7 % 3;
            x[i] = Math.Sin(1.3 * i) + 0.5 * Math.Cos(0.7 * i * i % 17) + 0.8 * d[i];
        }
        Assert.Equal(0.3448644678264099, RossEstimator.Compute(CmiTestData.Column(x, "x"), d, 3), 9);
    }

    [Fact]
    public void RossAndStratificationRecoverQuadratureAndClosedFormTruths()
    {
        var ross = new RossEstimator(new CmiOptions { Splits = 10 }).Estimate(CmiTestData.Draw("mixed-binary-x-gaussian-y", 5000, 2), 1);
        double truth = CmiTestData.Task("mixed-binary-x-gaussian-y").Truth;
        Assert.True(Math.Abs(ross.Mi - truth) < 0.03, $"{ross.Mi} vs {truth}");
        var s = CmiTestData.Draw("cmi-switch-categorical-z", 5000, 2);
        var chosen = ConditionalMi.Choose(s, ConditionalMi.Auto, new CmiOptions());
        Assert.StartsWith("stratified:", chosen.Name);
        var e = ConditionalMi.Estimate(s, options: new CmiOptions { Splits = 10, Surrogates = 4 });
        Assert.True(Math.Abs(e.Mi - CmiTestData.Task("cmi-switch-categorical-z").Truth) < 0.03, $"{e.Mi}");
    }

    [Fact]
    public void MixtureEntropyOfOneComponentIsTheGaussianEntropy()
    {
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * Math.E * 4), MutualInfo.Benchmarking.CmiTaskSuite.MixtureEntropy([1.0], [0.3], 2), 9);
    }

    private static double MillerMadow(string[] labels)
    {
        int n = labels.Length;
        var counts = labels.GroupBy(l => l).Select(g => g.Count()).ToArray();
        return -counts.Sum(c => (double)c / n * Math.Log((double)c / n)) + (counts.Length - 1) / (2.0 * n);
    }
}
