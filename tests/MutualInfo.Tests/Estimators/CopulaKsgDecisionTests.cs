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
        var (mi, low, high, reasons, _) = CopulaKsgReliability.Decide(Evidence(100, 1.72, 1.62, 0.011));
        Assert.Equal(1.72, mi);
        Assert.Equal(1.62 - 2 * 0.011, low, 12);
        Assert.Equal(double.PositiveInfinity, high);
        Assert.Contains(reasons, r => r.Contains("disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void UpToTwentyColumnsTheCiStartsAtKsgsLowerEnd()
    {
        var (mi, low, _, reasons, _) = CopulaKsgReliability.Decide(Evidence(10, 1.72, 1.62, 0.011));
        Assert.Equal(1.72, mi);
        Assert.Equal(1.72 - 0.02, low, 12);
        Assert.Contains(reasons, r => r.Contains("disagree", StringComparison.Ordinal));
    }
}
