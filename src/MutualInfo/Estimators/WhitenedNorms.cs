using MutualInfo.Data;
using MutualInfo.Families;

namespace MutualInfo.Estimators;

/// <summary>
/// Squared Mahalanobis norms of the rows of one side (X or Y): the radial part of the data, where dependence through
/// a shared scale lives (<see cref="MagnitudeDependence"/>, <see cref="SquaredNormBound"/>).
/// </summary>
internal static class WhitenedNorms
{
    /// <summary>The squared whitened norms of X and of Y, row by row, as a 1 + 1 sample.</summary>
    public static PairedSamples OfBothSides(PairedSamples s) =>
        new(Squared(s.X, s.DimX, s.Count), Squared(s.Y, s.DimY, s.Count), 1, 1);

    /// <summary>|L⁻¹(x − x̄)|² per row, with L L ᵀ the sample covariance of the block (identity where it is singular).</summary>
    public static double[] Squared(double[] values, int dim, int n)
    {
        var (mean, cov) = SampleCovariance.Of(values, n, dim);
        var row = new double[dim];
        var factor = Cholesky.TryFactor(cov, dim);
        var result = new double[n];
        var z = new double[dim];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < dim; c++) row[c] = values[i * dim + c] - mean[c];
            if (factor is null)
            {
                foreach (double v in row) result[i] += v * v;
                continue;
            }
            // Forward substitution L z = row.
            var l = factor.Lower;
            double norm = 0;
            for (int a = 0; a < dim; a++)
            {
                double v = row[a];
                for (int k = 0; k < a; k++) v -= l[a * dim + k] * z[k];
                z[a] = v / l[a * dim + a];
                norm += z[a] * z[a];
            }
            result[i] = norm;
        }
        return result;
    }
}
