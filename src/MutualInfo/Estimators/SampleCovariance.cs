namespace MutualInfo.Estimators;

/// <summary>Column means and the sample covariance (divisor n − 1) of n rows of d values, row-major.</summary>
internal static class SampleCovariance
{
    /// <summary>The d means and the d × d covariance (row-major, symmetric).</summary>
    public static (double[] Mean, double[] Covariance) Of(ReadOnlySpan<double> values, int n, int d)
    {
        var mean = new double[d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++) mean[a] += values[i * d + a];
        for (int a = 0; a < d; a++) mean[a] /= n;
        var s = new double[d * d];
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++) row[a] = values[i * d + a] - mean[a];
            for (int a = 0; a < d; a++)
            {
                double ra = row[a];
                for (int b = 0; b <= a; b++) s[a * d + b] += ra * row[b];
            }
        }
        for (int a = 0; a < d; a++)
            for (int b = 0; b <= a; b++) s[b * d + a] = s[a * d + b] /= n - 1;
        return (mean, s);
    }
}
