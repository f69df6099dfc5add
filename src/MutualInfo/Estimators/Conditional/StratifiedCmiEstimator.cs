using MutualInfo.Data;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// I(X;Y|Z) for an all-discrete Z by stratification: Σ_z p̂(z) Î(X;Y | Z = z), each stratum estimated by the
/// <paramref name="inner"/> estimator on its own rows (Z dropped). Strata are independent given their sizes, so
/// SE = sqrt(Σ p̂(z)² SE_z²) and CI = θ ± 1.96·SE. Strata with fewer rows than the inner estimator needs are left
/// out (their weight redistributed); a stratum where X or Y is constant contributes exactly 0, with a warning saying how many rows that dropped.
/// </summary>
/// <param name="inner">The estimator used within each stratum.</param>
public sealed class StratifiedCmiEstimator(ICmiEstimator inner) : ICmiEstimator
{
    /// <inheritdoc />
    public string Name => $"stratified:{inner.Name}";

    /// <inheritdoc />
    public int MinSamples(ConditionalSamples samples) => inner.MinSamples(samples);

    /// <inheritdoc />
    public double PointEstimate(ConditionalSamples samples, ulong seed)
    {
        var (strata, weights, _) = Split(samples);
        double sum = 0;
        for (int s = 0; s < strata.Count; s++)
            if (Varies(strata[s])) sum += weights[s] * inner.PointEstimate(strata[s], seed + (ulong)s);
        return sum;
    }

    /// <inheritdoc />
    public MiEstimate Estimate(ConditionalSamples samples, ulong seed)
    {
        CmiValidation.RequireFinite(samples);
        var (strata, weights, dropped) = Split(samples);
        if (strata.Count == 0) throw new ArgumentException($"{Name}: no stratum of Z has the {inner.MinSamples(samples)} rows the estimator needs", "samples");
        double mi = 0, variance = 0;
        var warnings = new List<string>();
        for (int s = 0; s < strata.Count; s++)
        {
            if (!Varies(strata[s])) continue; // X or Y constant in the stratum: its CMI is exactly 0
            var part = inner.Estimate(strata[s], seed + (ulong)s);
            mi += weights[s] * part.Mi;
            variance += weights[s] * weights[s] * part.StdError * part.StdError;
            warnings.AddRange(part.Warnings.Select(w => $"stratum {s + 1}: {w}"));
        }
        if (dropped > 0)
            warnings.Add($"{dropped} row(s) in strata of Z too small for {inner.Name} were left out; their CMI is not represented");
        double se = Math.Sqrt(variance);
        return new MiEstimate(Name, mi, se, mi - MeanEstimate.Z95 * se, mi + MeanEstimate.Z95 * se, samples.Count, samples.X.Dim, samples.Y.Dim, null, null, warnings,
            $"stratified over {strata.Count} categories of Z: SE = sqrt(Σ p(z)² SE_z²) from each stratum's {inner.Name} SE, CI = estimate ± 1.96·SE").WithCiNotBelowZero();
    }

    private (List<ConditionalSamples> Strata, List<double> Weights, int Dropped) Split(ConditionalSamples samples)
    {
        var labels = Strata.Of(samples.Z);
        var parts = new List<ConditionalSamples>();
        var sizes = new List<int>();
        int dropped = 0;
        foreach (var rows in Enumerable.Range(0, samples.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray()))
        {
            var part = new ConditionalSamples(samples.X.Rows(rows), samples.Y.Rows(rows), ConditionalSamples.Block.Empty);
            if (rows.Length < inner.MinSamples(part) && Varies(part)) { dropped += rows.Length; continue; }
            parts.Add(part);
            sizes.Add(rows.Length);
        }
        double total = sizes.Sum();
        return (parts, sizes.Select(s => s / total).ToList(), dropped);
    }

    // A stratum in which X or Y is constant has I(X;Y|Z=z) = 0 exactly (and k-NN estimators cannot run on it).
    private static bool Varies(ConditionalSamples part)
    {
        foreach (var block in new[] { part.X, part.Y })
            for (int c = 0; c < block.Dim; c++)
            {
                double first = block[0, c];
                for (int i = 1; i < block.Count; i++) if (block[i, c] != first) goto next;
                return false;
            next:;
            }
        return true;
    }
}
