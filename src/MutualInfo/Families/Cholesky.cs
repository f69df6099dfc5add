namespace MutualInfo.Families;

/// <summary>
/// Dense Cholesky factorisation of a symmetric positive-definite matrix, row-major n × n: the one factorisation of the
/// library (families, the Gaussian estimator, the Gaussian-copula fit), so that all of them agree on which matrices are
/// singular.
/// </summary>
internal sealed class Cholesky
{
    /// <summary>
    /// A pivot at most this fraction of its diagonal entry counts as zero: what is left of a_jj after removing the
    /// earlier columns is then rounding noise (a collinear column gives ≈ 1e-16), and factoring on would report a
    /// finite log-determinant for a singular matrix (an MI of tens of nats from rounding).
    /// </summary>
    public const double RelativePivotTolerance = 1e-14;

    private readonly double[] _lower;

    private Cholesky(double[] lower, int n)
    {
        _lower = lower;
        Size = n;
    }

    public int Size { get; }

    /// <summary>The factor L (row-major, lower triangular) with A = L Lᵀ.</summary>
    public ReadOnlySpan<double> Lower => _lower;

    /// <summary>
    /// Factorises <paramref name="a"/>; null when it is not numerically positive definite (a pivot not above
    /// <see cref="RelativePivotTolerance"/> times its diagonal entry).
    /// </summary>
    public static Cholesky? TryFactor(ReadOnlySpan<double> a, int n)
    {
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
                if (i == j)
                {
                    if (!(sum > RelativePivotTolerance * Math.Abs(a[i * n + i]))) return null;
                    l[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return new Cholesky(l, n);
    }

    /// <summary>ln det A = 2 Σ ln L_ii.</summary>
    public double LogDeterminant()
    {
        double s = 0;
        for (int i = 0; i < Size; i++) s += Math.Log(_lower[i * Size + i]);
        return 2 * s;
    }

    /// <summary>A⁻¹ as a row-major n × n matrix.</summary>
    public double[] Inverse()
    {
        int n = Size;
        var inverse = new double[n * n];
        var column = new double[n];
        for (int c = 0; c < n; c++)
        {
            Array.Clear(column);
            column[c] = 1;
            Solve(column);
            for (int r = 0; r < n; r++) inverse[r * n + c] = column[r];
        }
        return inverse;
    }

    /// <summary>Solves A v = b in place (forward then backward substitution).</summary>
    private void Solve(Span<double> b)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= _lower[i * n + k] * b[k];
            b[i] = s / _lower[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= _lower[k * n + i] * b[k];
            b[i] = s / _lower[i * n + i];
        }
    }

    /// <summary>dest = L z (dest and z of length n).</summary>
    public void MultiplyLower(ReadOnlySpan<double> z, Span<double> dest)
    {
        int n = Size;
        for (int i = n - 1; i >= 0; i--)
        {
            double s = 0;
            for (int k = 0; k <= i; k++) s += _lower[i * n + k] * z[k];
            dest[i] = s;
        }
    }
}
