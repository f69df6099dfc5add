namespace MutualInfo.Benchmarking;

/// <summary>The outcome of one benchmark cell. Everything but <see cref="Seconds"/> is a deterministic function of the key.</summary>
/// <param name="Key">Which cell.</param>
/// <param name="Mi">The estimate, in nats.</param>
/// <param name="Truth">The task's exact MI, in nats.</param>
/// <param name="StdError">The estimator's own standard error (NaN when it reports none).</param>
/// <param name="Ci95Low">Lower end of the estimator's 95% CI (NaN when none).</param>
/// <param name="Ci95High">Upper end of the estimator's 95% CI (NaN when none).</param>
/// <param name="Seconds">Wall-clock time of the estimate (sampling excluded); not deterministic.</param>
/// <param name="Reliability">The estimator's own reliability verdict for this cell (e.g. <c>ok</c>, <c>unreliable</c>), or null when it gives none.</param>
internal sealed record BenchResult(BenchCellKey Key, double Mi, double Truth, double StdError, double Ci95Low, double Ci95High, double Seconds,
    string? Reliability = null)
{
    /// <summary>BMI's heatmap score, log(estimate / truth) clipped to ±1 (see <see cref="BenchScore"/>; NaN when the truth is 0).</summary>
    public double Score => BenchScore.Clipped(Mi, Truth);

    /// <summary>Whether the estimator's 95% CI contains the truth; null when it reported no CI.</summary>
    public bool? CiCovers => BenchScore.CiCovers(Ci95Low, Ci95High, Truth);

    /// <summary>Estimate minus truth.</summary>
    public double Bias => Mi - Truth;

    /// <summary>Whether the deterministic fields agree bit for bit (NaN equals NaN); timing is ignored.</summary>
    public bool SameOutcome(BenchResult other) =>
        Key == other.Key && Same(Mi, other.Mi) && Same(Truth, other.Truth) && Same(StdError, other.StdError)
        && Same(Ci95Low, other.Ci95Low) && Same(Ci95High, other.Ci95High) && Reliability == other.Reliability;

    private static bool Same(double a, double b) => a.Equals(b);
}
