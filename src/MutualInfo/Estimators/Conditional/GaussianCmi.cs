namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// Gaussian conditional MI from a covariance matrix over the columns (X, Y, Z):
/// I(X;Y|Z) = ½ (ln|Σ_XZ| + ln|Σ_YZ| − ln|Σ_Z| − ln|Σ_XYZ|), which equals −½ Σᵢ ln(1 − ρᵢ²) over the partial canonical
/// correlations of X and Y given Z. The unbiased variant subtracts the Wishart bias of each log-determinant
/// (see <see cref="GaussianCopulaFit"/>), so that for Gaussian samples its expectation is the true CMI.
/// </summary>
internal static class GaussianCmi
{
    /// <summary>The exact CMI of covariance <paramref name="cov"/> (row-major, d = dx + dy + dz square); NaN when singular.</summary>
    public static double Exact(double[] cov, int dx, int dy, int dz)
    {
        int d = dx + dy + dz;
        int[] x = Enumerable.Range(0, dx).ToArray(), y = Enumerable.Range(dx, dy).ToArray(), z = Enumerable.Range(dx + dy, dz).ToArray();
        double value = 0.5 * (LogDet(cov, d, [.. x, .. z]) + LogDet(cov, d, [.. y, .. z]) - LogDet(cov, d, z) - LogDet(cov, d, [.. x, .. y, .. z]));
        return Math.Abs(value) < 1e-12 ? 0 : value; // rounding leaves ±1e-17 where the CMI is exactly 0
    }

    /// <summary>The plug-in CMI of a sample covariance from <paramref name="n"/> rows minus its Wishart bias (unbiased for Gaussian data).</summary>
    public static double Unbiased(double[] cov, int n, int dx, int dy, int dz) =>
        Exact(cov, dx, dy, dz) - 0.5 * (GaussianCopulaFit.LogDetBias(n, dx + dz) + GaussianCopulaFit.LogDetBias(n, dy + dz)
                                          - GaussianCopulaFit.LogDetBias(n, dz) - GaussianCopulaFit.LogDetBias(n, dx + dy + dz));

    /// <summary>The sample covariance (divisor n − 1) of the rows <paramref name="rows"/> of the n × d row-major <paramref name="values"/>.</summary>
    public static double[] Covariance(double[] values, int d, ReadOnlySpan<int> rows)
    {
        int n = rows.Length;
        var mean = new double[d];
        foreach (int r in rows)
            for (int a = 0; a < d; a++) mean[a] += values[r * d + a];
        for (int a = 0; a < d; a++) mean[a] /= n;
        var cov = new double[d * d];
        var centred = new double[d];
        foreach (int r in rows)
        {
            for (int a = 0; a < d; a++) centred[a] = values[r * d + a] - mean[a];
            for (int a = 0; a < d; a++)
                for (int b = 0; b <= a; b++) cov[a * d + b] += centred[a] * centred[b];
        }
        for (int a = 0; a < d; a++)
            for (int b = 0; b <= a; b++) cov[b * d + a] = cov[a * d + b] /= n - 1;
        return cov;
    }

    private static double LogDet(double[] cov, int d, int[] indexes)
    {
        if (indexes.Length == 0) return 0;
        var block = new double[indexes.Length * indexes.Length];
        for (int a = 0; a < indexes.Length; a++)
            for (int b = 0; b < indexes.Length; b++) block[a * indexes.Length + b] = cov[indexes[a] * d + indexes[b]];
        return GaussianEstimator.LogDeterminant(block);
    }
}
