using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Estimators;

/// <summary>The default estimator: KSG on normal scores minus the Gaussian-surrogate bias (fixed seeds, small n).</summary>
public class CopulaKsgEstimatorTests
{
    private static PairedSamples Sample(string spec, int n, ulong seed, out double truth) =>
        FamilyData.Sample(spec, n, Rng.ForStream(seed, 7), out truth);

    [Fact]
    public void IncreasingMapsOfColumnsDoNotChangeTheEstimateAtAll()
    {
        // (A decreasing map mirrors a column's scores: KSG's distances are unchanged, but the surrogates' correlation
        // signs flip, so their Monte-Carlo draws, and hence the estimate, change within the surrogate error.)
        var s = Sample("gaussian:dim=2,mi=1", 400, 3, out _);
        var mapped = new PairedSamples(
            s.X.Select((v, i) => i % 2 == 0 ? Math.Exp(3 * v) : v * v * v).ToArray(),
            s.Y.Select((v, i) => i % 2 == 0 ? Math.Atan(v) : 1e6 * v + 7).ToArray(), 2, 2);
        var estimator = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 4 }, Surrogates = 2 });
        var a = estimator.Estimate(s, 11);
        var b = estimator.Estimate(mapped, 11);
        Assert.Equal(a.Mi, b.Mi, 12);
        Assert.Equal(a.StdError, b.StdError, 12);
        // Plain KSG does change under these maps: the invariance is the normal scores' doing.
        var ksg = new KsgEstimator(new KsgOptions { Splits = 0 });
        Assert.True(Math.Abs(ksg.PointEstimate(Standardization.Apply(s), 11) - ksg.PointEstimate(Standardization.Apply(mapped), 11)) > 0.02);
    }

    [Fact]
    public void WithoutSurrogatesItIsPlainKsgOnTheNormalScores()
    {
        var s = Sample("student-t:dx=1,dy=2,dof=3", 300, 4, out _);
        var copula = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 0 }, Surrogates = 0 });
        Assert.Equal(new KsgEstimator(new KsgOptions { Splits = 0 }).PointEstimate(NormalScores.Apply(s), 9), copula.PointEstimate(s, 9));
    }

    [Fact]
    public void PointEstimateIsTheEstimateOfEstimate()
    {
        var s = Sample("gaussian:dim=1,mi=1", 300, 5, out _);
        var estimator = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 3 }, Surrogates = 3 });
        Assert.Equal(estimator.Estimate(s, 2).Mi, estimator.PointEstimate(s, 2));
    }

    [Fact]
    public void SurrogateCorrectionRemovesKsgsBiasOnStronglyDependentGaussians()
    {
        // 3 + 3 dimensions, I = 2 nats, n = 1000: plain KSG is biased low by several SEs; the corrected mean over four
        // datasets must be within 4 SE of the truth (SE of the mean = mean reported SE / 2).
        const int replicates = 4;
        var corrected = new RunningMoments();
        var plain = new RunningMoments();
        var ses = new RunningMoments();
        var estimator = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 8 } });
        double truth = 0;
        for (int r = 0; r < replicates; r++)
        {
            var s = Sample("gaussian:dim=3,mi=2", 1000, 100 + (ulong)r, out truth);
            var e = estimator.Estimate(s, (ulong)r + 1);
            corrected.Add(e.Mi);
            ses.Add(e.StdError);
            plain.Add(new KsgEstimator(new KsgOptions { Splits = 0 }).PointEstimate(Standardization.Apply(s), (ulong)r + 1));
        }
        double seOfMean = ses.Mean / Math.Sqrt(replicates);
        Assert.True(truth - plain.Mean > 4 * seOfMean, $"plain KSG {plain.Mean:F4} should be biased here (truth {truth}, SE {seOfMean:F4})");
        Assert.True(Math.Abs(corrected.Mean - truth) < 4 * seOfMean, $"corrected {corrected.Mean:F4}, truth {truth}, SE of mean {seOfMean:F4}");
    }

    [Fact]
    public void StandardErrorMatchesTheSpreadOverIndependentDatasets()
    {
        const int replicates = 16;
        var values = new RunningMoments();
        var ses = new RunningMoments();
        var estimator = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 10 }, Surrogates = 4 });
        for (int r = 0; r < replicates; r++)
        {
            var e = estimator.Estimate(Sample("gaussian:dim=1,mi=1+cubic", 600, 200 + (ulong)r, out _), (ulong)r + 1);
            values.Add(e.Mi);
            ses.Add(e.StdError);
        }
        // With 16 datasets the sd is known to about ±18% (1 sd); a factor of 1.6 either way is > 2.5 of those.
        double ratio = ses.Mean / Math.Sqrt(values.Variance);
        Assert.InRange(ratio, 1 / 1.6, 1.6);
    }

    [Fact]
    public void CiContainsTheEstimateAndIsAtLeastPlusMinusTwoSe()
    {
        var e = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 5 }, Surrogates = 2 })
            .Estimate(Sample("uniform-additive:eps=0.1", 500, 6, out _), 1);
        Assert.True(e.Ci95Low <= e.Mi - 2 * e.StdError && e.Ci95High >= e.Mi + 2 * e.StdError, $"{e.Ci95Low} {e.Mi} {e.StdError} {e.Ci95High}");
        Assert.Equal("ksg-copula", e.Estimator);
        Assert.Contains("normal scores", e.UncertaintyMethod);
    }

    [Theory]
    [InlineData(1, "options.Surrogates: must be 0 (no bias correction) or at least 2, got 1")]
    [InlineData(-1, "options.Surrogates: must be 0 (no bias correction) or at least 2, got -1")]
    public void RejectsBadSurrogateCounts(int surrogates, string message) =>
        Assert.Equal(message, ErrorLine.Of(Assert.Throws<ArgumentOutOfRangeException>(() => new CopulaKsgEstimator(new CopulaKsgOptions { Surrogates = surrogates }))));

    [Fact]
    public void CollinearColumnsStillGetASurrogate()
    {
        // Y2 = Y1: the scores' correlation matrix is singular; the surrogate shrinks it instead of failing.
        var s = Sample("gaussian:dim=1,mi=0.5", 200, 8, out _);
        var y = new double[2 * s.Count];
        for (int i = 0; i < s.Count; i++) y[2 * i] = y[2 * i + 1] = s.Y[i];
        double mi = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 0 }, Surrogates = 2 })
            .PointEstimate(new PairedSamples(s.X, y, 1, 2), 1);
        Assert.True(double.IsFinite(mi));
    }
}
