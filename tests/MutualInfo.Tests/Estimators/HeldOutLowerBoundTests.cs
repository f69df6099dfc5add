using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Estimators;

/// <summary>
/// How ksg-copula uses a held-out lower bound (<see cref="CopulaKsgOptions.HeldOutLowerBound"/>): consulted only where
/// its own evidence doubts KSG, reported only when it lies above the estimate beyond their combined error, and then
/// the CI starts from it. The bound here is a stand-in returning a fixed value, so the rule's arithmetic is exact.
/// </summary>
public class HeldOutLowerBoundTests
{
    /// <summary>Returns a fixed estimate and counts its calls.</summary>
    private sealed class FixedBound(double mi, double se) : IMiEstimator
    {
        public int Calls { get; private set; }
        public string Name => "fixed";
        public int MinSamples(int dimX, int dimY) => 2;
        public double PointEstimate(PairedSamples samples, ulong seed) => Estimate(samples, seed).Mi;

        public MiEstimate Estimate(PairedSamples samples, ulong seed)
        {
            Calls++;
            return new MiEstimate(Name, mi, se, mi - 1.96 * se, mi + 1.96 * se, samples.Count, samples.DimX, samples.DimY, null, null, [], "fixed");
        }
    }

    private static CopulaKsgEstimator WithBound(IMiEstimator bound) =>
        new(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 10 }, Surrogates = 4, HeldOutLowerBound = bound });

    private static PairedSamples Sample(string spec, int n, ulong seed, out double truth) =>
        FamilyData.Sample(spec, n, Rng.ForStream(seed, 11), out truth);

    [Fact]
    public void GaussianCopulaDataNeverConsultTheBound()
    {
        var bound = new FixedBound(5, 0.01);
        var e = WithBound(bound).Estimate(Sample("multinormal:sparse=2,rho=0.8,dx=3,dy=3", 2000, 7, out _), 1);
        Assert.True(e.Reliability.IsOk, string.Join(" | ", e.Reliability.Reasons));
        Assert.Equal(0, bound.Calls);
        Assert.True(e.Mi < 1.5);
    }

    [Fact]
    public void ABoundAboveKsgIsReportedAndStartsTheCi()
    {
        // Student-t 3 + 3 is flagged (a shared scale); a bound 0.5 nats above KSG must be reported, CI from bound − 2 SE.
        var samples = Sample("student-t:dx=3,dy=3,dof=2", 2000, 3, out _);
        var without = WithBound(new FixedBound(-1, 0.01)).Estimate(samples, 1);
        Assert.False(without.Reliability.IsOk);
        double above = without.Mi + 0.5;
        var bound = new FixedBound(above, 0.02);
        var e = WithBound(bound).Estimate(samples, 1);
        Assert.Equal(1, bound.Calls);
        Assert.Equal(above, e.Mi, 12);
        Assert.Equal(above - 2 * 0.02, e.Ci95Low, 12);
        Assert.True(e.Ci95High >= above + 2 * 0.02);
        Assert.Contains(e.Reliability.Reasons, r => r.StartsWith("a held-out lower bound (fixed: ", StringComparison.Ordinal));
        Assert.Contains("reported: the held-out lower bound", e.UncertaintyMethod);
    }

    /// <summary>Fails as a diverged critic does.</summary>
    private sealed class FailingBound : IMiEstimator
    {
        public string Name => "failing";
        public int MinSamples(int dimX, int dimY) => 2;
        public double PointEstimate(PairedSamples samples, ulong seed) => Estimate(samples, seed).Mi;
        public MiEstimate Estimate(PairedSamples samples, ulong seed) => throw new ArgumentException("training diverged", "options.LearningRate");
    }

    [Fact]
    public void ABoundThatFailsIsAWarningAndChangesNothingElse()
    {
        var samples = Sample("student-t:dx=3,dy=3,dof=2", 2000, 3, out _);
        var without = WithBound(new FixedBound(-1, 0.01)).Estimate(samples, 1);
        var e = WithBound(new FailingBound()).Estimate(samples, 1);
        Assert.Equal(without.Mi, e.Mi, 12);
        Assert.Equal(without.Reliability.Reasons, e.Reliability.Reasons);
        Assert.Contains(e.Warnings, w => w.StartsWith("the held-out lower bound (failing) could not be computed", StringComparison.Ordinal));
    }

    [Fact]
    public void ABoundWithinTheCombinedErrorChangesNothing()
    {
        var samples = Sample("student-t:dx=3,dy=3,dof=2", 2000, 3, out _);
        var without = WithBound(new FixedBound(-1, 0.01)).Estimate(samples, 1);
        // Just inside 2 combined SEs + 0.02 above the estimate: not evidence enough.
        double tolerance = 2 * Math.Sqrt(without.StdError * without.StdError + 0.01 * 0.01) + CopulaKsgReliability.DisagreementTolerance;
        var e = WithBound(new FixedBound(without.Mi + 0.99 * tolerance, 0.01)).Estimate(samples, 1);
        Assert.Equal(without.Mi, e.Mi, 12);
        Assert.Equal(without.Ci95Low, e.Ci95Low, 12);
        Assert.Equal(without.Ci95High, e.Ci95High, 12);
        Assert.Equal(without.Reliability.Reasons, e.Reliability.Reasons);
    }
}
