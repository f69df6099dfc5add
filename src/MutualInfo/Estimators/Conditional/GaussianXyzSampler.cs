using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Estimators.Conditional;

/// <summary>n rows of a zero-mean Gaussian (X, Y, Z) with covariance L Lᵀ, split into its three blocks (row-major).</summary>
internal static class GaussianXyzSampler
{
    /// <summary>Row i is L eᵢ with eᵢ standard normal, drawn from <paramref name="rng"/> in row order.</summary>
    public static (double[] X, double[] Y, double[] Z) Draw(Cholesky factor, int n, Rng rng, int dx, int dy, int dz)
    {
        var (x, y, z) = (new double[n * dx], new double[n * dy], new double[n * dz]);
        var e = new double[factor.Size];
        var row = new double[factor.Size];
        for (int i = 0; i < n; i++)
        {
            rng.FillGaussian(e);
            factor.MultiplyLower(e, row);
            row.AsSpan(0, dx).CopyTo(x.AsSpan(i * dx));
            row.AsSpan(dx, dy).CopyTo(y.AsSpan(i * dy));
            row.AsSpan(dx + dy, dz).CopyTo(z.AsSpan(i * dz));
        }
        return (x, y, z);
    }
}
