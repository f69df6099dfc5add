using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Estimators.Neighbours;
using MutualInfo.Numerics;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Discrete;

/// <summary>
/// Ross (2014), "Mutual information between discrete and continuous data sets", as scikit-learn's
/// <c>mutual_info_classif</c> computes it: one side all discrete (its joint category is the label), the other all
/// continuous. For each point of a label with N_ℓ ≥ 2 points, k_ℓ = min(k, N_ℓ − 1), ε = distance to its k_ℓ-th
/// neighbour within its label, m = points of any label (itself included) strictly within ε; points of singleton
/// labels are dropped (N' remain). I = ψ(N') + ⟨ψ(k_ℓ)⟩ − ⟨ψ(N_ℓ)⟩ − ⟨ψ(m)⟩. Max-norm for a multi-column continuous
/// side (scikit-learn handles one column at a time, where all norms agree). Unlike scikit-learn the estimate is not
/// clipped at 0 (the CI needs the unclipped value). SE by random half-splits, CI = θ ± t·SE.
/// </summary>
public sealed class RossEstimator : ICmiEstimator
{
    private readonly CmiOptions _options;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public RossEstimator(CmiOptions? options = null)
    {
        _options = options ?? new CmiOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "ross";

    /// <inheritdoc />
    public int MinSamples(ConditionalSamples samples) => 2 * (_options.K + 1);

    /// <inheritdoc />
    public double PointEstimate(ConditionalSamples samples, ulong seed)
    {
        var noisy = TieNoise.Apply(samples, _options.TieNoise, seed);
        return noisy.X.AllDiscrete ? Compute(noisy.Y, Strata.Of(noisy.X), _options.K) : Compute(noisy.X, Strata.Of(noisy.Y), _options.K);
    }

    /// <inheritdoc />
    public MiEstimate Estimate(ConditionalSamples samples, ulong seed)
    {
        if (samples.Z.Dim > 0 || !(samples.X.AllDiscrete ^ samples.Y.AllDiscrete) || samples.X.AnyDiscrete == samples.Y.AnyDiscrete)
            throw new ArgumentException("ross needs one side all discrete, the other all continuous, and no Z columns", nameof(samples));
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireRows(samples, MinSamples(samples), $"{Name} with k = {_options.K}");
        double mi = PointEstimate(samples, seed);
        var (se, _) = HalfSplitError.Measure(samples, _options.Splits, seed, PointEstimate);
        double t = HalfSplitError.TQuantile(_options.Splits);
        return new MiEstimate(Name, mi, se, mi - t * se, mi + t * se, samples.Count, samples.X.Dim, samples.Y.Dim, null, null, [],
            _options.Splits == 0 ? "none (0 splits)" : $"half-splitting: SE from {_options.Splits} random splits into halves, CI = estimate ± t({_options.Splits - 1})·SE").WithCiNotBelowZero();
    }

    /// <summary>The Ross estimate for continuous points <paramref name="c"/> and labels <paramref name="labels"/>.</summary>
    internal static double Compute(ConditionalSamples.Block c, int[] labels, int k)
    {
        int n = c.Count, dim = c.Dim;
        var byLabel = Enumerable.Range(0, n).GroupBy(i => labels[i]).Where(g => g.Count() > 1).Select(g => g.ToArray()).ToArray();
        int kept = byLabel.Sum(g => g.Length);
        if (kept == 0) return double.NaN;
        var keptValues = new double[kept * dim];
        var radius = new double[kept];
        double sumPsiK = 0, sumPsiLabel = 0;
        int at = 0;
        foreach (var rows in byLabel)
        {
            int kl = Math.Min(k, rows.Length - 1);
            var values = new double[rows.Length * dim];
            for (int a = 0; a < rows.Length; a++) c.Values.AsSpan(rows[a] * dim, dim).CopyTo(values.AsSpan(a * dim));
            var tree = new KdTree(values, dim);
            var distances = new double[kl];
            var neighbours = new int[kl];
            for (int a = 0; a < rows.Length; a++)
            {
                tree.NearestNeighbours(a, distances, neighbours);
                radius[at + a] = KsgGeometry.StrictRadius(distances[kl - 1]);
            }
            values.CopyTo(keptValues, at * dim);
            sumPsiK += rows.Length * SpecialFunctions.Digamma(kl);
            sumPsiLabel += rows.Length * SpecialFunctions.Digamma(rows.Length);
            at += rows.Length;
        }
        IRadiusCounter all = dim == 1 ? new SortedLineCounter(keptValues) : new KdTree(keptValues, dim);
        double[] psi = SpecialFunctions.DigammaTable(kept + 2);
        double sumPsiM = 0;
        for (int i = 0; i < kept; i++) sumPsiM += psi[all.CountWithin(i, radius[i])];
        return psi[kept] + (sumPsiK - sumPsiLabel - sumPsiM) / kept;
    }
}
