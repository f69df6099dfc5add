using MutualInfo.Estimators;

namespace MutualInfo.Tests.Estimators;

/// <summary>The decision rule on hand-made evidence: exact arithmetic of the CI's ends.</summary>
public class CopulaKsgDecisionTests
{
    private static CopulaKsgReliability.Evidence Evidence(int dims, double ksg, double gaussian, double gaussianSe) =>
        new(ksg, 0.01, ksg - 0.02, ksg + 0.02, 0, 5000, dims, new GaussianCopulaFit(new double[1, 1], gaussian, gaussianSe, gaussian, 1), null,
            GapSd: 0.005, Surrogates: 8, CorrectionError: 0.002);

    [Fact]
    public void AboveTwentyColumnsAKsgAboveGKeepsGsLowerEndInTheCi()
    {
        // 100 columns, K 0.1 above G: flagged (K's correction is only approximate there), K reported, CI from G − 2 SE_G.
        var (mi, low, high, reasons, _, _) = CopulaKsgReliability.Decide(Evidence(100, 1.72, 1.62, 0.011));
        Assert.Equal(1.72, mi);
        Assert.Equal(1.62 - 2 * 0.011, low, 12);
        Assert.Equal(double.PositiveInfinity, high);
        Assert.Contains(reasons, r => r.Contains("disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void UpToTwentyColumnsTheCiStartsAtKsgsLowerEnd()
    {
        var (mi, low, _, reasons, _, _) = CopulaKsgReliability.Decide(Evidence(10, 1.72, 1.62, 0.011));
        Assert.Equal(1.72, mi);
        Assert.Equal(1.72 - 0.02, low, 12);
        Assert.Contains(reasons, r => r.Contains("disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void OnePlusOneColumnsConsistentWithAGaussianCopulaGetACiCoveringKsgsAndGs()
    {
        // K 0.420 ± 0.02, G 0.405 ± 0.010: within 3 × √(0.005² + 0.002²) + 0.02 of each other, so the CI reaches G − 2 SE_G.
        var decision = CopulaKsgReliability.Decide(Evidence(2, 0.420, 0.405, 0.010));
        Assert.Equal(0.420, decision.Mi);
        Assert.Equal(0.405 - 2 * 0.010, decision.Low, 12);
        Assert.Equal(0.420 + 0.02, decision.High, 12);
        Assert.Empty(decision.Reasons);
        Assert.True(decision.CoversBoth);
        Assert.False(decision.WidenedForCopula);
    }

    [Fact]
    public void OnePlusOneColumnsWithANonGaussianCopulaKeepKsgWidenedByTheAllowanceAndStayOk()
    {
        // K 0.23, G 0.00 (a Student-t copula with ν = 1 has no correlation): far beyond the yardstick.
        var decision = CopulaKsgReliability.Decide(Evidence(2, 0.23, 0.0, 0.014));
        Assert.Equal(0.23, decision.Mi);
        Assert.Equal(0.23 - 0.02 - CopulaKsgReliability.UnmeasuredBiasAllowance, decision.Low, 12);
        Assert.Equal(0.23 + 0.02 + CopulaKsgReliability.UnmeasuredBiasAllowance, decision.High, 12);
        Assert.Empty(decision.Reasons);
        Assert.False(decision.CoversBoth);
        Assert.True(decision.WidenedForCopula);
    }

    [Fact]
    public void TheOnePlusOneYardstickIsThreeSurrogateSpreadsPlusTheTolerance()
    {
        // tolerance = 3 × √(0.005² + 0.002²) + 0.02 ≈ 0.03616: a gap just inside keeps the Gaussian branch, just outside widens.
        double tolerance = 3 * Math.Sqrt(0.005 * 0.005 + 0.002 * 0.002) + CopulaKsgReliability.DisagreementTolerance;
        Assert.True(CopulaKsgReliability.Decide(Evidence(2, 0.4 + tolerance - 1e-6, 0.4, 0.01)).CoversBoth);
        Assert.True(CopulaKsgReliability.Decide(Evidence(2, 0.4 + tolerance + 1e-6, 0.4, 0.01)).WidenedForCopula);
    }
}
