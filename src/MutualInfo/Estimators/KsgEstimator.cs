using MutualInfo.Numerics;
using System.Runtime.CompilerServices;
using MutualInfo.Data;
using MutualInfo.Estimators.Neighbours;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators;

/// <summary>
/// The Kraskov–Stögbauer–Grassberger k-nearest-neighbour estimator (estimator 1 by default, 2 optionally) for
/// multivariate X and Y under the max-norm, with exact neighbour search (k-d trees; sorted arrays for 1-d
/// marginals). Counting follows scikit-learn: n_x counts the other points with ‖x_j − x_i‖∞ ≤ nextafter(ε, 0).
/// Ties are broken by seeded noise (<see cref="KsgOptions.TieNoise"/>). The standard error comes from random
/// half-splits (see <see cref="Estimate"/>); naive bootstrap is unsound here because resampled duplicates sit at
/// distance 0 and inflate the estimate.
/// </summary>
public sealed class KsgEstimator : IMiEstimator
{
    private const int Block = 256;
    private readonly KsgOptions _options;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public KsgEstimator(KsgOptions? options = null)
    {
        _options = options ?? new KsgOptions();
        _options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public KsgOptions Options => _options;

    /// <inheritdoc />
    public string Name => _options.Variant == KsgVariant.First ? EstimatorNames.Ksg : EstimatorNames.Ksg2;

    /// <inheritdoc />
    /// <remarks>k + 1 for the estimate itself; twice that so that each half of a split still has k + 1.</remarks>
    public int MinSamples(int dimX, int dimY) => 2 * (_options.K + 1);

    /// <inheritdoc />
    public double PointEstimate(PairedSamples samples, ulong seed)
    {
        RequireEnough(samples, _options.K + 1);
        return Mean(PointTerms(WithTieNoise(samples, seed)));
    }

    /// <summary>
    /// The estimate with a half-splitting standard error: the rows are split at random into two disjoint halves
    /// of m = ⌊n/2⌋, the estimator is run on each, and (θ_A − θ_B)²/4 is an unbiased estimate of Var(θ_m)/2, which
    /// is Var(θ_n) when the variance scales as 1/n (KSG's √n regime). Averaged over <see cref="KsgOptions.Splits"/>
    /// splits; CI = θ ± t·SE. The halves also show the finite-sample drift θ_n − mean θ_m, reported as a warning
    /// when it is large against the SE (then bias, which no CI from resampling covers, may dominate). With
    /// <see cref="KsgOptions.BiasAllowance"/> the CI is also extended by that drift on the side it points to.
    /// </summary>
    public MiEstimate Estimate(PairedSamples samples, ulong seed)
    {
        RequireEnough(samples, MinSamples(samples.DimX, samples.DimY));
        SampleValidation.RequireNonConstantColumns(samples);
        var parts = EstimateWithHalves(samples, seed);
        var warnings = new List<string>();
        if (_options.Splits == 0)
            return Result(samples, parts.Mi, double.NaN, double.NaN, double.NaN, warnings, "none (0 splits)");
        double se = parts.StdError, drift = parts.Drift;
        if (double.IsNaN(se))
        {
            warnings.Add($"the standard error cannot be estimated: every half-split of the {samples.Count} rows gives the same value (too few rows for k = {_options.K}); no CI");
            return Result(samples, parts.Mi, double.NaN, double.NaN, double.NaN, warnings, "half-splitting: no SE (every split gave the same value)");
        }
        double t = StudentT.Quantile975(_options.Splits - 1);
        if (DriftWarning(drift, se) is { } warning) warnings.Add(warning);
        double lo = parts.Mi - t * se, hi = parts.Mi + t * se;
        string method = $"half-splitting: SE from {_options.Splits} random splits into halves, CI = estimate ± t({_options.Splits - 1})·SE";
        if (_options.BiasAllowance > 0)
        {
            // Bias shrinks with n, so the truth lies on the side the estimate moves towards; extend that side.
            double allowance = _options.BiasAllowance * drift;
            if (allowance > 0) hi += allowance; else lo += allowance;
            method += $", extended on the drift side by {_options.BiasAllowance:0.###} × the n/2→n drift ({drift:+0.0000;-0.0000})";
        }
        return Result(samples, parts.Mi, se, lo, hi, warnings, method).WithCiNotBelowZero();
    }

    /// <summary>
    /// The point estimate with the half-splitting SE and the mean estimate over the halves (NaN for both when
    /// <see cref="KsgOptions.Splits"/> is 0); no CI, no warnings. The building block of <see cref="Estimate"/>.
    /// A <paramref name="transform"/> (e.g. <see cref="NormalScores.Apply(PairedSamples, int)"/>) is applied before the tie noise, to
    /// all rows for the estimate and again to each half on its own for the SE.
    /// </summary>
    internal KsgHalfSplits EstimateWithHalves(PairedSamples samples, ulong seed, Func<PairedSamples, PairedSamples>? transform = null)
    {
        RequireEnough(samples, _options.Splits == 0 ? _options.K + 1 : MinSamples(samples.DimX, samples.DimY));
        var noisy = WithTieNoise(transform is null ? samples : transform(samples), seed);
        double mi = Mean(PointTerms(noisy));
        _options.Progress?.Invoke(1, _options.Splits + 1);
        if (_options.Splits == 0) return new KsgHalfSplits(mi, double.NaN, double.NaN);
        // A data-dependent transform (e.g. ranks) is redone on each half, so that its own variability enters the SE.
        Func<PairedSamples, PairedSamples> half = transform is null ? rows => rows : rows => WithTieNoise(transform(rows), seed);
        var (se, halfMean) = HalfSplitError(transform is null ? noisy : samples, seed, half);
        // Every split giving the same value (halves so small that each point's k neighbours are all the others) says
        // nothing about the spread: the SE cannot be estimated, it is not zero.
        return new KsgHalfSplits(mi, se > 0 ? se : double.NaN, halfMean);
    }

    /// <summary>The warning when the n/2→n drift exceeds 2 SE, else null; <paramref name="subject"/> names what drifts.</summary>
    internal static string? DriftWarning(double drift, double se, string subject = "the estimate") =>
        Math.Abs(drift) > 2 * se
            ? $"{subject} moves by {drift:+0.000;-0.000} nats from n/2 to n samples (SE {se:0.000}): finite-sample bias is likely comparable to the CI or larger; more data or a smaller k would help"
            : null;

    private MiEstimate Result(PairedSamples s, double mi, double se, double lo, double hi, List<string> warnings, string method) =>
        new(Name, mi, se, lo, hi, s.Count, s.DimX, s.DimY, null, null, warnings, method);

    private (double StdError, double HalfMean) HalfSplitError(PairedSamples data, ulong seed, Func<PairedSamples, PairedSamples> prepare)
    {
        int m = data.Count / 2;
        double sumSq = 0, sumHalves = 0;
        for (int b = 0; b < _options.Splits; b++)
        {
            var perm = Resampling.Permutation(Rng.ForStream(seed, (ulong)b + 1), data.Count);
            double a = Mean(PointTerms(prepare(data.Rows(perm.AsSpan(0, m)))));
            double c = Mean(PointTerms(prepare(data.Rows(perm.AsSpan(m, m)))));
            sumSq += (a - c) * (a - c) / 4;
            sumHalves += a + c;
            _options.Progress?.Invoke(b + 2, _options.Splits + 1);
        }
        return (Math.Sqrt(sumSq / _options.Splits), sumHalves / (2 * _options.Splits));
    }

    /// <summary>
    /// The per-point contributions whose mean is the estimate (no tie noise added here): for estimator 1
    /// ψ(k) + ψ(n) − ψ(n_x,i + 1) − ψ(n_y,i + 1); for estimator 2 ψ(k) − 1/k + ψ(n) − ψ(n_x,i) − ψ(n_y,i).
    /// </summary>
    public double[] PointTerms(PairedSamples samples)
    {
        int n = samples.Count, k = _options.K;
        if (n <= k) throw new ArgumentException($"{n} data row(s), but KSG with k = {k} needs at least {k + 1}", "samples");
        IKsgNeighbourhoods neighbourhoods = CreateNeighbourhoods(samples);
        double[] psi = SpecialFunctions.DigammaTable(n + 2);
        bool first = _options.Variant == KsgVariant.First;
        double constant = first ? psi[k] + psi[n] : psi[k] - 1.0 / k + psi[n];
        int shift = first ? 1 : 0;
        var terms = new double[n];
        int blocks = (n + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, block =>
            FillBlock(neighbourhoods, block * Block, Math.Min(n, (block + 1) * Block), constant, psi, shift, terms));
        return terms;
    }

    private static void FillBlock(IKsgNeighbourhoods neighbourhoods, int start, int end, double constant, double[] psi, int shift, double[] terms)
    {
        object scratch = neighbourhoods.CreateScratch();
        for (int step = start; step < end; step++)
        {
            int i = neighbourhoods.QueryOrder(step);
            var (nx, ny) = neighbourhoods.Counts(i, scratch);
            terms[i] = constant - psi[nx + shift] - psi[ny + shift];
        }
    }

    /// <summary>Blocked SIMD scans or k-d trees, by <see cref="BlockScanChoice.UseBlocks"/>; both are exact.</summary>
    private IKsgNeighbourhoods CreateNeighbourhoods(PairedSamples s) =>
        BlockScanChoice.UseBlocks(_options.Search, s.DimX + s.DimY, s.Count)
            ? new BruteForceKsgNeighbourhoods(s.X, s.Y, s.DimX, s.DimY, _options.K, _options.Variant)
            : new TreeKsgNeighbourhoods(s.X, s.Y, s.DimX, s.DimY, _options.K, _options.Variant, _options.Threads);

    /// <summary>A copy with scikit-learn's tie-breaking noise: TieNoise · max(1, mean|v|) · N(0,1) per column.</summary>
    public PairedSamples WithTieNoise(PairedSamples samples, ulong seed)
    {
        if (_options.TieNoise == 0) return samples;
        var rng = Rng.ForStream(seed, 0);
        return new PairedSamples(Jitter(samples.X, samples.DimX, rng), Jitter(samples.Y, samples.DimY, rng),
            samples.DimX, samples.DimY, samples.XNames, samples.YNames);
    }

    private double[] Jitter(double[] values, int dim, Rng rng)
    {
        int n = values.Length / dim;
        var amplitude = new double[dim];
        for (int i = 0; i < values.Length; i++) amplitude[i % dim] += Math.Abs(values[i]);
        for (int d = 0; d < dim; d++) amplitude[d] = _options.TieNoise * Math.Max(1, amplitude[d] / n);
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i] + amplitude[i % dim] * rng.NextGaussian();
        return result;
    }

    // Every entry point checks its input: one NaN among independent columns used to give 7.48 nats, silently.
    private void RequireEnough(PairedSamples samples, int minimum)
    {
        SampleValidation.RequireRows(samples, minimum, $"{Name} with k = {_options.K}");
        SampleValidation.RequireFinite(samples);
    }

    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }
}
