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
    string UncertaintyMethod);
