using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Estimators;

/// <summary>The debiased Gaussian-copula MI behind the surrogates and the reliability check.</summary>
public class GaussianCopulaFitTests
{
    private static PairedSamples Scores(string spec, int n, ulong seed, out double truth) =>
        NormalScores.Apply(FamilyData.Sample(spec, n, Rng.ForStream(seed, 3), out truth));

    [Theory]
    [InlineData(20, 100)]
    [InlineData(50, 500)]
    public void IndependentColumnsWithFewRowsPerDimensionFitNoDependence(int dim, int rows)
    {
        // The plug-in Gaussian MI of independent columns is ≈ d²/2n of pure noise (2 and 2.5 nats here); the fit
        // must remove it: its MI within 3 SE of 0.
        var fit = GaussianCopulaFit.Fit(Scores($"gaussian:dim={dim},rho=0", rows, 1, out _), 5)!;
        Assert.True(fit.PlugInMi > 1, $"plug-in {fit.PlugInMi}");
        Assert.True(fit.Mi < 3 * fit.StdError, $"fit {fit.Mi} ± {fit.StdError}");
    }

    [Theory]
    [InlineData("multinormal:dense=0.5,dx=10,dy=10", 300)]
    [InlineData("gaussian:dim=8,mi=1", 200)]
    public void DebiasedMiIsUnbiasedWhereThePlugInIsNot(string spec, int rows)
    {
        // Over 30 datasets: the fit's mean is within 3 SE of the truth (SE of the mean from the spread), while the
        // plug-in's mean lies more than 3 SE above it (its bias ≈ d_x d_y / 2n).
        const int replicates = 30;
        var fits = new RunningMoments();
        var plugIns = new RunningMoments();
        double truth = 0;
        for (ulong r = 0; r < replicates; r++)
        {
            var fit = GaussianCopulaFit.Fit(Scores(spec, rows, 10 + r, out truth), r + 1)!;
            fits.Add(fit.Mi);
            plugIns.Add(fit.PlugInMi);
        }
        double se = Math.Sqrt(fits.Variance / replicates);
        Assert.True(Math.Abs(fits.Mean - truth) < 3 * se, $"fit {fits.Mean:F4} vs truth {truth:F4} (SE {se:F4})");
        Assert.True(plugIns.Mean - truth > 3 * se, $"plug-in {plugIns.Mean:F4} vs truth {truth:F4} (SE {se:F4})");
    }

    [Fact]
    public void ReportedStandardErrorMatchesTheSpread()
    {
        const int replicates = 30;
        var fits = new RunningMoments();
        var ses = new RunningMoments();
        for (ulong r = 0; r < replicates; r++)
        {
            var fit = GaussianCopulaFit.Fit(Scores("gaussian:dim=3,mi=1", 400, 50 + r, out _), r + 1)!;
            fits.Add(fit.Mi);
            ses.Add(fit.StdError);
        }
        // 30 datasets fix the sd to about ±13% (1 sd); the SE comes from 16 draws per fit.
        Assert.InRange(ses.Mean / Math.Sqrt(fits.Variance), 1 / 1.5, 1.5);
    }

    [Fact]
    public void LambdaScalesOnlyTheCrossCorrelations()
    {
        var scores = Scores("gaussian:dim=3,rho=0.3", 60, 4, out _);
        var fit = GaussianCopulaFit.Fit(scores, 2)!;
        Assert.InRange(fit.Lambda, 0, 1);
        var r = fit.Correlation;
        for (int a = 0; a < 6; a++) Assert.Equal(1, r[a, a]);
        Assert.True(fit.Mi <= fit.PlugInMi + 1e-12);
    }

    [Fact]
    public void TooFewRowsForACorrelationMatrixGiveNoFit() =>
        Assert.Null(GaussianCopulaFit.Fit(Scores("gaussian:dim=5,rho=0", 11, 1, out _), 1));
}
