using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Numerics;
using MutualInfo.Randomness;

namespace MutualInfo.Estimators;

/// <summary>
/// The Gaussian copula of the data, debiased: the plug-in MI ½ ln(|R_X||R_Y|/|R|) of the normal scores' correlation
/// matrix R is biased upward by about d_x d_y / 2n nats (20 + 20 independent columns on 100 rows show ≈ 2 nats of
/// pure noise). <see cref="Mi"/> removes that bias exactly for Gaussian samples: E ln|S_k| = ln|Σ_k| + Σᵢ₌₁ᵏ
/// ψ((n − i)/2) + k ln(2/(n − 1)) for the sample covariance S_k of k Gaussian columns (a Wishart identity), so
/// subtracting those terms from each log-determinant gives an unbiased estimate of the Gaussian-copula MI.
/// <see cref="Correlation"/> is R with its X–Y block scaled by λ ∈ [0, 1] so that its exact MI is that estimate
/// (clipped to [0, plug-in]): the model whose KSG bias <see cref="GaussianSurrogateBias"/> should measure, instead
/// of R itself, whose spurious correlations the "correction" would otherwise add.
/// </summary>
/// <param name="Correlation">R_λ, the debiased Gaussian-copula correlation matrix (d_x + d_y square).</param>
/// <param name="Mi">The unbiased Gaussian-copula MI estimate (may be slightly negative at independence).</param>
/// <param name="StdError">Its standard error: the sd of the estimate over Gaussian samples of N(0, R_λ) of the same size.</param>
/// <param name="PlugInMi">The plug-in Gaussian MI of the data's normal scores (biased upward).</param>
/// <param name="Lambda">The factor λ applied to the X–Y correlations.</param>
internal sealed record GaussianCopulaFit(double[,] Correlation, double Mi, double StdError, double PlugInMi, double Lambda)
{
    private const ulong StreamBase = 1UL << 42;
    private const int Draws = 16;
    private const int Bisections = 40;

    /// <summary>
    /// Fits the copula of <paramref name="scores"/> (normal scores); null when there are too few rows for a
    /// non-singular correlation matrix (n ≤ d_x + d_y + 1).
    /// </summary>
    public static GaussianCopulaFit? Fit(PairedSamples scores, ulong seed)
    {
        int dx = scores.DimX, d = dx + scores.DimY, n = scores.Count;
        if (n <= d + 1) return null;
        var (r, plugIn) = PlugInOf(scores);
        double unbiased = plugIn - WishartBias(n, dx, d);
        double lambda = Solve(l => ExactMi(Scaled(r, dx, l), dx, d), Math.Clamp(unbiased, 0, plugIn));
        var fitted = Scaled(r, dx, lambda);
        var factor = Cholesky.TryFactor(Flatten(fitted, d), d)!;
        var draws = NullCovariances(n, d, seed).Select(s => PlugIn(Sandwich(factor.Lower, s, d), dx, d) - WishartBias(n, dx, d)).ToArray();
        double mean = draws.Average();
        double sd = Math.Sqrt(draws.Sum(v => (v - mean) * (v - mean)) / (draws.Length - 1));
        return new GaussianCopulaFit(fitted, unbiased, sd, plugIn, lambda);
    }

    /// <summary>
    /// The unbiased Gaussian-copula MI of <paramref name="scores"/> alone (<see cref="Mi"/> without the model, its SE
    /// or λ); NaN when n ≤ d_x + d_y + 1.
    /// </summary>
    public static double UnbiasedMi(PairedSamples scores)
    {
        int dx = scores.DimX, d = dx + scores.DimY, n = scores.Count;
        return n <= d + 1 ? double.NaN : PlugInOf(scores).PlugIn - WishartBias(n, dx, d);
    }

    /// <summary>The normal scores' correlation matrix R (made positive definite) and its plug-in MI.</summary>
    private static (double[,] R, double PlugIn) PlugInOf(PairedSamples scores)
    {
        int dx = scores.DimX, d = dx + scores.DimY;
        var r = PositiveDefinite(CorrelationOf(scores), d);
        return (r, PlugIn(Flatten(r, d), dx, d));
    }

    /// <summary>
    /// E[plug-in] − MI for Gaussian samples of n rows: ½ (B(d_x) + B(d_y) − B(d)) with B(k) = Σᵢ₌₁ᵏ ψ((n − i)/2) + k ln(2/(n − 1)),
    /// the bias of ln|S_k|.
    /// </summary>
    internal static double WishartBias(int n, int dx, int d) => 0.5 * (LogDetBias(n, dx) + LogDetBias(n, d - dx) - LogDetBias(n, d));

    internal static double LogDetBias(int n, int k)
    {
        double sum = k * Math.Log(2.0 / (n - 1));
        for (int i = 1; i <= k; i++) sum += SpecialFunctions.Digamma((n - i) / 2.0);
        return sum;
    }

    /// <summary>Bisection for the λ ∈ [0, 1] at which the increasing <paramref name="mi"/>(λ) equals <paramref name="target"/>.</summary>
    private static double Solve(Func<double, double> mi, double target)
    {
        if (mi(0) >= target) return 0;
        if (mi(1) <= target) return 1;
        double lo = 0, hi = 1;
        for (int i = 0; i < Bisections && hi - lo > 1e-9; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mi(mid) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Sample covariances of <see cref="Draws"/> standard-normal samples of n rows; a sample from R = L Lᵀ then has
    /// the sample covariance L S Lᵀ.
    /// </summary>
    private static double[][] NullCovariances(int n, int d, ulong seed)
    {
        var result = new double[Draws][];
        var z = new double[n * d];
        for (int m = 0; m < Draws; m++)
        {
            Rng.ForStream(seed ^ StreamBase, (ulong)m).FillGaussian(z);
            result[m] = SampleCovariance.Of(z, n, d).Covariance;
        }
        return result;
    }

    /// <summary>L S Lᵀ for lower-triangular L.</summary>
    private static double[] Sandwich(ReadOnlySpan<double> l, double[] s, int d)
    {
        var ls = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int k = 0; k <= a; k++)
            {
                double lak = l[a * d + k];
                if (lak == 0) continue;
                for (int b = 0; b < d; b++) ls[a * d + b] += lak * s[k * d + b];
            }
        var result = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b <= a; b++)
            {
                double sum = 0;
                for (int k = 0; k <= b; k++) sum += ls[a * d + k] * l[b * d + k];
                result[a * d + b] = result[b * d + a] = sum;
            }
        return result;
    }

    /// <summary>½ (ln|S_X| + ln|S_Y| − ln|S|), ≥ 0; the blocks' log-determinants by Cholesky.</summary>
    private static double PlugIn(double[] s, int dx, int d)
    {
        double lx = LogDet(Block(s, d, 0, dx)), ly = LogDet(Block(s, d, dx, d - dx)), l = LogDet(s);
        return Math.Max(0, 0.5 * (lx + ly - l));
    }

    private static double ExactMi(double[,] r, int dx, int d) => PlugIn(Flatten(r, d), dx, d);

    private static double LogDet(double[] s)
    {
        int d = (int)Math.Round(Math.Sqrt(s.Length));
        return Cholesky.TryFactor(s, d)?.LogDeterminant() ?? double.NegativeInfinity;
    }

    private static double[] Block(double[] s, int d, int start, int size)
    {
        var block = new double[size * size];
        for (int a = 0; a < size; a++)
            for (int b = 0; b < size; b++) block[a * size + b] = s[(start + a) * d + start + b];
        return block;
    }

    private static double[,] Scaled(double[,] r, int dx, double lambda)
    {
        var scaled = (double[,])r.Clone();
        int d = r.GetLength(0);
        for (int a = 0; a < dx; a++)
            for (int b = dx; b < d; b++) scaled[a, b] = scaled[b, a] = lambda * r[a, b];
        return scaled;
    }

    private static double[] Flatten(double[,] r, int d)
    {
        var flat = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++) flat[a * d + b] = r[a, b];
        return flat;
    }

    /// <summary>
    /// The correlation matrix shrunk towards the identity just enough to be positive definite when columns are
    /// (nearly) collinear; a bounded search (at full shrinkage it is the identity, which always factors).
    /// </summary>
    private static double[,] PositiveDefinite(double[,] r, int d)
    {
        for (int power = -9; power <= 0; power++)
        {
            if (Cholesky.TryFactor(Flatten(r, d), d) is not null) return r;
            double keep = 1 - Math.Pow(10, power);
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) r[a, b] = a == b ? 1 : r[a, b] * keep;
        }
        return r;
    }

    private static double[,] CorrelationOf(PairedSamples s)
    {
        int d = s.DimX + s.DimY;
        var columns = new double[d][];
        for (int a = 0; a < d; a++) columns[a] = Column(s, a);
        var r = new double[d, d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b <= a; b++) r[a, b] = r[b, a] = a == b ? 1 : Pearson(columns[a], columns[b]);
        return r;
    }

    private static double[] Column(PairedSamples s, int a)
    {
        var (values, dim, c) = a < s.DimX ? (s.X, s.DimX, a) : (s.Y, s.DimY, a - s.DimX);
        var column = new double[s.Count];
        for (int i = 0; i < column.Length; i++) column[i] = values[i * dim + c];
        return column;
    }

    /// <summary>Pearson correlation; 0 for a column without spread (normal scores of a constant column).</summary>
    private static double Pearson(double[] u, double[] v)
    {
        double mu = u.Average(), mv = v.Average(), suv = 0, suu = 0, svv = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double du = u[i] - mu, dv = v[i] - mv;
            suv += du * dv;
            suu += du * du;
            svv += dv * dv;
        }
        double denominator = Math.Sqrt(suu * svv);
        return denominator > 0 ? Math.Clamp(suv / denominator, -1, 1) : 0;
    }
}
