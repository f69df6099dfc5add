using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Estimators;

public class GaussianEstimatorTests
{
    [Fact]
    public void OneDimensionalEstimateIsMinusHalfLogOneMinusPearsonSquared()
    {
        var s = GaussianSamples.Draw(500, 1, 0.4, 9);
        double mx = s.X.Average(), my = s.Y.Average();
        double sxy = s.X.Zip(s.Y).Sum(p => (p.First - mx) * (p.Second - my));
        double sxx = s.X.Sum(v => (v - mx) * (v - mx)), syy = s.Y.Sum(v => (v - my) * (v - my));
        double r = sxy / Math.Sqrt(sxx * syy);
        Assert.Equal(-0.5 * Math.Log(1 - r * r), new GaussianEstimator().PointEstimate(s, 1), 12);
    }

    [Fact]
    public void InvariantUnderInvertibleLinearMapsOfXAndY()
    {
        var s = GaussianSamples.Draw(800, 2, 1.0, 4);
        // x' = A x, y' = B y with fixed non-singular A, B (MI and canonical correlations unchanged).
        var x = new double[s.X.Length];
        var y = new double[s.Y.Length];
        for (int i = 0; i < s.Count; i++)
        {
            x[2 * i] = 3 * s.X[2 * i] + s.X[2 * i + 1];
            x[2 * i + 1] = -s.X[2 * i] + 0.5 * s.X[2 * i + 1] + 10;
            y[2 * i] = s.Y[2 * i + 1] * 0.01;
            y[2 * i + 1] = s.Y[2 * i] - 2 * s.Y[2 * i + 1];
        }
        var est = new GaussianEstimator();
        Assert.Equal(est.PointEstimate(s, 1), est.PointEstimate(new PairedSamples(x, y, 2, 2), 1), 10);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(3, 2.0)]
    [InlineData(1, 5.0)]
    public void RecoversGaussianMiWithinItsBootstrapError(int dim, double mi)
    {
        var e = new GaussianEstimator(new GaussianOptions { Resamples = 100 }).Estimate(GaussianSamples.Draw(4000, dim, mi, 77), 3);
        Assert.True(Math.Abs(e.Mi - mi) < 4 * e.StdError, $"estimate {e.Mi} vs {mi}, SE {e.StdError}");
        // Delta method for comparison: SE ≈ sqrt(Σ ρᵢ² / n).
        double rho2 = 1 - Math.Exp(-2 * mi / dim);
        Assert.InRange(e.StdError / Math.Sqrt(dim * rho2 / 4000), 0.7, 1.4);
    }

    [Fact]
    public void CollinearColumnsAreAUsageError()
    {
        var rng = new Rng(1);
        var x = new double[100 * 2];
        var y = new double[100];
        for (int i = 0; i < 100; i++)
        {
            x[2 * i] = rng.NextGaussian();
            x[2 * i + 1] = 2 * x[2 * i];
            y[i] = rng.NextGaussian();
        }
        var e = Assert.ThrowsAny<ArgumentException>(() => new GaussianEstimator().PointEstimate(new PairedSamples(x, y, 2, 1), 1));
        Assert.Contains("linearly dependent", e.Message);
    }
}
