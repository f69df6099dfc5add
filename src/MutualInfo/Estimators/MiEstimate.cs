namespace MutualInfo.Estimators;

/// <summary>An MI estimate from data with its uncertainty and diagnostics.</summary>
/// <param name="Estimator">Estimator name as the CLI spells it (e.g. "ksg").</param>
/// <param name="Mi">The estimate, in nats.</param>
/// <param name="StdError">Its standard error (see <paramref name="UncertaintyMethod"/>).</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval.</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval.</param>
/// <param name="NSamples">Number of pairs used.</param>
/// <param name="DimX">Dimension of X.</param>
/// <param name="DimY">Dimension of Y.</param>
/// <param name="LogNCap">For InfoNCE-type estimators the ceiling log n they cannot exceed; null otherwise.</param>
/// <param name="PValue">Permutation-null p-value when a permutation test was run; null otherwise.</param>
/// <param name="Warnings">Diagnostics the user should read (saturation, tiny samples, …).</param>
/// <param name="UncertaintyMethod">One line saying how the SE and CI were obtained.</param>
public sealed record MiEstimate(
    string Estimator,
    double Mi,
    double StdError,
    double Ci95Low,
    double Ci95High,
    int NSamples,
    int DimX,
    int DimY,
    double? LogNCap,
    double? PValue,
    IReadOnlyList<string> Warnings,
    string UncertaintyMethod)
{
    /// <summary>The reliability verdict; <see cref="Reliability.Ok"/> unless the estimator found a reason to doubt it.</summary>
    public Reliability Reliability { get; init; } = Reliability.Ok;

    /// <summary>
    /// MI is never negative, so a CI entirely below 0 says only that the estimator is biased low here: such a CI
    /// becomes [0, its width] and the estimate is marked unreliable. A CI that reaches 0 is left as it is (its
    /// negative part is the sampling noise of an estimator that can go below 0, and it still contains the estimate).
    /// </summary>
    public MiEstimate WithCiNotBelowZero()
    {
        if (!(Ci95High < 0)) return this;
        return this with
        {
            Ci95Low = 0,
            Ci95High = Ci95High - Ci95Low,
            Reliability = Reliability.With([string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the whole CI [{Ci95Low:0.0000}, {Ci95High:0.0000}] lies below 0, where MI cannot be: the estimator is biased low on these data; the CI shown is [0, its width]")]),
        };
    }
}
