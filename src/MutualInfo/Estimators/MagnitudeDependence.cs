using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators;

/// <summary>
/// A goodness-of-fit test of the Gaussian copula aimed at its best-known blind spot: dependence between the
/// magnitudes of X and Y (a shared scale, as in a multivariate Student-t; a rotation by an angle that depends on the
/// norm, as in BMI's spirals), which correlations do not see. Each side's normal scores are whitened by its own
/// correlation matrix, and the statistic is the covariance of the squared norms, cov(|x̃|², |ỹ|²). For a Gaussian
/// it equals 2‖C‖²_F (C the whitened cross-correlation, by Isserlis' theorem); its null distribution at this n is
/// drawn from the fitted Gaussian copula itself, so every finite-sample bias cancels.
/// </summary>
/// <param name="Statistic">cov(|x̃|², |ỹ|²) of the data.</param>
/// <param name="NullMean">Its mean over Gaussian samples of the fitted copula, same n.</param>
/// <param name="NullSd">Its standard deviation over those samples.</param>
internal sealed record MagnitudeDependence(double Statistic, double NullMean, double NullSd)
{
    private const ulong StreamBase = 1UL << 43;
    private const int Draws = 16;

    /// <summary>(statistic − null mean) / null sd.</summary>
    public double Z => (Statistic - NullMean) / NullSd;

    /// <summary>
    /// Tests <paramref name="scores"/> (normal scores), whose squared whitened norms are <paramref name="norms"/>
    /// (<see cref="WhitenedNorms.OfBothSides"/>), against the Gaussian copula <paramref name="fit"/>.
    /// </summary>
    public static MagnitudeDependence Test(PairedSamples scores, PairedSamples norms, GaussianCopulaFit fit, ulong seed)
    {
        double statistic = Covariance(norms);
        var family = new MultinormalFamily(fit.Correlation, scores.DimX);
        var nulls = new RunningMoments();
        var x = new double[scores.Count * scores.DimX];
        var y = new double[scores.Count * scores.DimY];
        for (int m = 0; m < Draws; m++)
        {
            family.SampleJoint(Rng.ForStream(seed ^ StreamBase, (ulong)m), x, y);
            nulls.Add(Covariance(WhitenedNorms.OfBothSides(new PairedSamples(x, y, scores.DimX, scores.DimY))));
        }
        return new MagnitudeDependence(statistic, nulls.Mean, Math.Sqrt(nulls.Variance));
    }

    /// <summary>The sample covariance of the two columns of a 1 + 1 sample.</summary>
    private static double Covariance(PairedSamples norms)
    {
        double[] a = norms.X, b = norms.Y;
        double ma = a.Average(), mb = b.Average(), sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - ma) * (b[i] - mb);
        return sum / (a.Length - 1);
    }
}
