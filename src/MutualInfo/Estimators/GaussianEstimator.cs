using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators;

/// <summary>
/// The Gaussian (canonical-correlation) baseline: I = −½ Σᵢ ln(1 − ρᵢ²) over the canonical correlations ρᵢ of
/// the sample covariance, computed in the equivalent and numerically stabler form ½ (ln|Σ_X| + ln|Σ_Y| − ln|Σ|)
/// with Cholesky log-determinants. Exact (consistent) for jointly Gaussian data; for other data it is the MI
/// of the Gaussian with the same covariance, a lower bound on nothing in general but a fast sanity floor.
/// Standard error: nonparametric bootstrap (a smooth function of second moments, so the bootstrap is sound).
/// </summary>
public sealed class GaussianEstimator : IMiEstimator
{
    private readonly GaussianOptions _options;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public GaussianEstimator(GaussianOptions? options = null)
    {
        _options = options ?? new GaussianOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => EstimatorNames.Gaussian;

    /// <inheritdoc />
    /// <remarks>The joint covariance of dimension d_x + d_y must be non-singular: n ≥ d_x + d_y + 2.</remarks>
    public int MinSamples(int dimX, int dimY) => dimX + dimY + 2;

    /// <inheritdoc />
    public double PointEstimate(PairedSamples samples, ulong seed)
    {
        SampleValidation.RequireRows(samples, MinSamples(samples.DimX, samples.DimY), "the gaussian estimator");
        SampleValidation.RequireFinite(samples);
        SampleValidation.RequireNonConstantColumns(samples);
        return FromCovariance(Covariance(samples, null), samples.DimX, samples.DimY, strict: true);
    }

    /// <summary>The estimate with a bootstrap SE; CI = estimate ± 1.96·SE, its lower end clipped at 0.</summary>
    public MiEstimate Estimate(PairedSamples samples, ulong seed)
    {
        double mi = PointEstimate(samples, seed);
        var warnings = new List<string>();
        int b = _options.Resamples;
        if (b == 0)
            return new MiEstimate(Name, mi, double.NaN, double.NaN, double.NaN, samples.Count, samples.DimX, samples.DimY, null, null, warnings, "none (0 resamples)");
        var replicates = new double[b];
        Parallel.For(0, b, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, r =>
        {
            var rows = Resampling.WithReplacement(Rng.ForStream(seed, (ulong)r + 1), samples.Count);
            replicates[r] = FromCovariance(Covariance(samples, rows), samples.DimX, samples.DimY, strict: false);
        });
        var moments = new RunningMoments();
        foreach (double v in replicates.Where(double.IsFinite)) moments.Add(v);
        double se = Math.Sqrt(moments.Variance);
        return new MiEstimate(Name, mi, se, Math.Max(0, mi - MeanEstimate.Z95 * se), mi + MeanEstimate.Z95 * se,
            samples.Count, samples.DimX, samples.DimY, null, null, warnings,
            $"bootstrap: SE = sd of {b} resampled estimates, CI = estimate ± 1.96·SE (lower end clipped at 0)");
    }

    /// <summary>Joint (d_x + d_y)² sample covariance (divisor n − 1) of the given rows (all rows when null).</summary>
    private static double[] Covariance(PairedSamples s, int[]? rows)
    {
        int d = s.DimX + s.DimY, n = rows?.Length ?? s.Count;
        var mean = new double[d];
        var row = new double[d];
        for (int r = 0; r < n; r++)
        {
            Fill(s, rows is null ? r : rows[r], row);
            for (int a = 0; a < d; a++) mean[a] += row[a];
        }
        for (int a = 0; a < d; a++) mean[a] /= n;
        var cov = new double[d * d];
        for (int r = 0; r < n; r++)
        {
            Fill(s, rows is null ? r : rows[r], row);
            for (int a = 0; a < d; a++) row[a] -= mean[a];
            for (int a = 0; a < d; a++)
                for (int c = 0; c <= a; c++) cov[a * d + c] += row[a] * row[c];
        }
        for (int a = 0; a < d; a++)
            for (int c = 0; c <= a; c++) cov[c * d + a] = cov[a * d + c] /= n - 1;
        return cov;
    }

    private static void Fill(PairedSamples s, int i, double[] row)
    {
        s.X.AsSpan(i * s.DimX, s.DimX).CopyTo(row);
        s.Y.AsSpan(i * s.DimY, s.DimY).CopyTo(row.AsSpan(s.DimX));
    }

    private static double FromCovariance(double[] cov, int dx, int dy, bool strict)
    {
        int d = dx + dy;
        double ldx = LogDeterminant(Block(cov, d, 0, dx)), ldy = LogDeterminant(Block(cov, d, dx, dy)), ld = LogDeterminant(cov);
        if (double.IsNaN(ldx) || double.IsNaN(ldy) || double.IsNaN(ld))
        {
            if (strict) throw new ArgumentException("the gaussian estimator needs a non-singular covariance: some columns are constant or linearly dependent", "samples");
            return double.NaN;
        }
        return Math.Max(0, 0.5 * (ldx + ldy - ld));
    }

    private static double[] Block(double[] cov, int d, int start, int size)
    {
        var block = new double[size * size];
        for (int a = 0; a < size; a++)
            for (int c = 0; c < size; c++) block[a * size + c] = cov[(start + a) * d + start + c];
        return block;
    }

    /// <summary>ln det of a symmetric positive-definite matrix by <see cref="Cholesky"/>; NaN when it is not positive definite.</summary>
    internal static double LogDeterminant(double[] matrix)
    {
        int d = (int)Math.Round(Math.Sqrt(matrix.Length));
        return Cholesky.TryFactor(matrix, d)?.LogDeterminant() ?? double.NaN;
    }
}
