using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Estimators;

/// <summary>
/// The failures of the previous default (issue 9) and the reliability verdict that replaces false certainty:
/// each case either has a CI that covers the truth or is flagged unreliable, and a CI never lies below 0.
/// </summary>
public class CopulaKsgReliabilityTests
{
    private static readonly CopulaKsgEstimator Default = new(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 10 }, Surrogates = 4 });

    private static PairedSamples Sample(string spec, int n, ulong seed, out double truth) =>
        FamilyData.Sample(spec, n, Rng.ForStream(seed, 11), out truth);

    private static void AssertCovers(MiEstimate e, double truth) =>
        Assert.True(e.Ci95Low <= truth && truth <= e.Ci95High, $"CI [{e.Ci95Low:F4}, {e.Ci95High:F4}] misses {truth:F4} (estimate {e.Mi:F4}, {e.Reliability.Verdict}: {string.Join(" | ", e.Reliability.Reasons)})");

    [Theory]
    [InlineData(20, 100)]
    [InlineData(50, 500)]
    public void IndependentColumnsWithFewRowsPerDimensionGetACiCoveringZero(int dim, int rows)
    {
        // The previous default reported 2.82 [2.71, 3.01] (20 + 20, 100 rows) and 2.63 [2.49, 2.70] (50 + 50, 500 rows).
        var e = Default.Estimate(Sample($"gaussian:dim={dim},rho=0", rows, 1, out _), 1);
        AssertCovers(e, 0);
        Assert.True(e.Mi < 0.3, $"estimate {e.Mi}");
        Assert.Equal(Reliability.UnreliableVerdict, e.Reliability.Verdict);
        Assert.Contains(e.Reliability.Reasons, r => r.StartsWith("too few rows for the dimension", StringComparison.Ordinal));
    }

    [Fact]
    public void MoreColumnsThanRowsGiveAnOpenCiReachingZero()
    {
        // 2000 + 1 columns on 50 rows (previous default: 10.35): no correlation matrix can be fitted.
        var rng = new Rng(2);
        var x = new double[50 * 2000];
        var y = new double[50];
        rng.FillGaussian(x);
        rng.FillGaussian(y);
        var e = Default.Estimate(new PairedSamples(x, y, 2000, 1), 1);
        Assert.True(e.Ci95Low <= 0, $"CI from {e.Ci95Low}");
        Assert.Equal(double.PositiveInfinity, e.Ci95High);
        Assert.Contains(e.Reliability.Reasons, r => r.StartsWith("no Gaussian-copula fit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2x")]
    [InlineData("x^3")]
    [InlineData("-x")]
    [InlineData("x")]
    public void AStrictlyMonotoneRelationIsReportedAsInfinite(string relation)
    {
        var s = Sample("gaussian:dim=1,rho=0.8", 300, 3, out _);
        Func<double, double> f = relation switch { "2x" => v => 2 * v, "x^3" => v => v * v * v, "-x" => v => -v, _ => v => v };
        var deterministic = new PairedSamples(s.X, s.X.Select(f).ToArray(), 1, 1);
        var e = Default.Estimate(deterministic, 1);
        Assert.Equal(double.PositiveInfinity, e.Mi);
        Assert.Contains("MI is infinite", Assert.Single(e.Warnings));
        Assert.Equal(double.PositiveInfinity, Default.PointEstimate(deterministic, 1));
    }

    [Fact]
    public void TiedColumnsAreNotTakenForADeterministicRelation()
    {
        // Discrete codes that determine each other have finite MI (ln 3 here): no infinite verdict.
        var x = Enumerable.Range(0, 300).Select(i => (double)(i % 3)).ToArray();
        var y = x.Select(v => 10 * v).ToArray();
        var e = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 0 }, Surrogates = 2 }).Estimate(new PairedSamples(x, y, 1, 1), 1);
        Assert.True(double.IsFinite(e.Mi));
    }

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e300)]
    public void TheColumnsScaleDoesNotChangeTheEstimate(double scale)
    {
        // ρ = 0.8 (I = 0.51): the previous pipeline gave 0.098 at 1e−200 and 10.02 at 1e307.
        var s = Sample("gaussian:dim=1,rho=0.8", 400, 4, out _);
        var scaled = new PairedSamples(s.X.Select(v => v * scale).ToArray(), s.Y.Select(v => v * scale).ToArray(), 1, 1);
        var a = Default.Estimate(s, 1);
        var b = Default.Estimate(scaled, 1);
        Assert.Equal(a.Mi, b.Mi);
        Assert.Equal(a.Ci95High, b.Ci95High);
    }

    [Fact]
    public void StudentTWithSharedScaleIsRightAndFlagged()
    {
        // Student-t 5 + 5, ν = 3, identity dispersion (I = 0.2985): dependence only through the shared scale, which
        // KSG in 10 dimensions underestimates (previous default 0.174 [0.121, 0.192] at n = 5000); the squared norms
        // carry all of it, and their MI, a lower bound, is what the rule reports.
        var e = Default.Estimate(Sample("student-t:dx=5,dy=5,dof=3", 2000, 5, out double truth), 1);
        Assert.Contains("reported: the squared norms' MI", e.UncertaintyMethod);
        Assert.InRange(e.Mi, truth - 0.1, truth + 0.05);
        AssertCovers(e, truth);
        Assert.Equal(Reliability.UnreliableVerdict, e.Reliability.Verdict);
    }

    [Fact]
    public void SpiralIsCoveredOrFlagged()
    {
        // BMI's spiral of the sparse 3 + 3 task (two pairs ρ = 0.8, I = 1.0217): the spiral is a diffeomorphism, so I is
        // unchanged, but KSG sees much less (previous default 0.645 [0.615, 0.792] at n = 5000).
        var s = Sample("multinormal:sparse=2,rho=0.8,dx=3,dy=3", 2000, 6, out double truth);
        var spiral = new PairedSamples(Spiral(s.X, 3), Spiral(s.Y, 3), 3, 3);
        var e = Default.Estimate(spiral, 1);
        Assert.True(e.Mi < truth - 0.1, $"KSG is expected to be low here ({e.Mi:F4} vs {truth:F4})");
        AssertCovers(e, truth);
        Assert.Equal(Reliability.UnreliableVerdict, e.Reliability.Verdict);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void SpiralOfUniformMarginsIsFlaggedByTheMeasuredDisagreement(ulong seed)
    {
        // BMI's spiral of the normal-CDF of sparse 5 + 5 (I = 1.022): KSG sees ≈ 0.1 nats more than the Gaussian
        // copula, less than 2 combined SEs (the previous yardstick, which missed such cells unflagged) but far beyond
        // the spread of K − G on Gaussian surrogates, whose K and G share the error of one dataset.
        var task = global::MutualInfo.Benchmarking.TaskSuite.Select(["spiral-normal-cdf-multinormal-sparse-5-5"]).Single();
        var e = Default.Estimate(Standardization.Apply(global::MutualInfo.Benchmarking.BenchRunner.Sample(task, 3000, seed)), seed);
        Assert.Equal(Reliability.UnreliableVerdict, e.Reliability.Verdict);
        Assert.Contains(e.Reliability.Reasons, r => r.Contains("disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void GaussianCopulaDataStayOkWithTheUsualCi()
    {
        var e = Default.Estimate(Sample("multinormal:sparse=2,rho=0.8,dx=3,dy=3+half-cube", 2000, 7, out double truth), 1);
        Assert.True(e.Reliability.IsOk, string.Join(" | ", e.Reliability.Reasons));
        AssertCovers(e, truth);
    }

    [Fact]
    public void OnePlusOneColumnsWithAStudentTCopulaStayOkWithTheirCiWidenedForTheUnmeasuredBias()
    {
        // ν = 1, identity dispersion: no correlation (G ≈ 0) yet 0.224 nats, so K and G disagree and the surrogates'
        // Gaussian copula says nothing about KSG's bias here.
        var e = Default.Estimate(Sample("student-t:dx=1,dy=1,dof=1", 2000, 8, out double truth), 1);
        Assert.True(e.Reliability.IsOk, string.Join(" | ", e.Reliability.Reasons));
        Assert.Contains("widened by 0.02 nats each side", e.UncertaintyMethod, StringComparison.Ordinal);
        Assert.True(e.Ci95Low <= e.Mi - 2 * e.StdError - CopulaKsgReliability.UnmeasuredBiasAllowance, $"{e.Ci95Low} {e.Mi} {e.StdError}");
        Assert.True(e.Ci95High >= e.Mi + 2 * e.StdError + CopulaKsgReliability.UnmeasuredBiasAllowance, $"{e.Ci95High} {e.Mi} {e.StdError}");
        AssertCovers(e, truth);
    }

    [Fact]
    public void OnePlusOneGaussianColumnsGetACiCoveringBothEstimates()
    {
        var e = Default.Estimate(Sample("gaussian:dim=1,rho=0.75+wiggly", 2000, 9, out double truth), 1);
        Assert.True(e.Reliability.IsOk, string.Join(" | ", e.Reliability.Reasons));
        Assert.Contains("the CI covers both estimates", e.UncertaintyMethod, StringComparison.Ordinal);
        Assert.DoesNotContain("widened by", e.UncertaintyMethod, StringComparison.Ordinal);
        AssertCovers(e, truth);
    }

    /// <summary>Rotates the first two coordinates of each row by (1/3)·|row|² radians (BMI's spiral with speed 1/3).</summary>
    private static double[] Spiral(double[] values, int dim)
    {
        var result = (double[])values.Clone();
        for (int i = 0; i < values.Length / dim; i++)
        {
            double r2 = 0;
            for (int c = 0; c < dim; c++) r2 += values[i * dim + c] * values[i * dim + c];
            var (sin, cos) = Math.SinCos(r2 / 3);
            double a = values[i * dim], b = values[i * dim + 1];
            result[i * dim] = cos * a - sin * b;
            result[i * dim + 1] = sin * a + cos * b;
        }
        return result;
    }
}
