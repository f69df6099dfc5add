namespace MutualInfo.Estimators;

/// <summary>
/// The one list of the core MI estimators' names (what <see cref="IMiEstimator.Name"/> returns and what
/// <c>mi estimate --estimator</c>, <c>mi bmi</c> and <c>mi bench</c> accept); the neural ones are listed by
/// <c>MutualInfo.Neural.Objectives.ObjectiveNames.DataEstimators</c>.
/// </summary>
public static class EstimatorNames
{
    /// <summary><see cref="CopulaKsgEstimator"/>, the default.</summary>
    public const string KsgCopula = "ksg-copula";

    /// <summary><see cref="KsgEstimator"/> with <see cref="KsgVariant.First"/>.</summary>
    public const string Ksg = "ksg";

    /// <summary><see cref="KsgEstimator"/> with <see cref="KsgVariant.Second"/>.</summary>
    public const string Ksg2 = "ksg2";

    /// <summary><see cref="GaussianEstimator"/>.</summary>
    public const string Gaussian = "gaussian";

    /// <summary>The default estimator of <c>mi estimate</c> and <see cref="MutualInformation.Estimate(double[], double[], MutualInformationOptions?, ulong)"/>.</summary>
    public const string Default = KsgCopula;

    /// <summary>Every core estimator with its one-line description, in the order help and messages list them.</summary>
    public static IReadOnlyList<(string Name, string Description)> All { get; } =
    [
        (KsgCopula, "default: KSG (k-NN) on normal scores (ranks → Φ⁻¹) minus its bias measured on Gaussian surrogates, checked against the unbiased Gaussian-copula MI and a magnitude-dependence test (reliability verdict; unreliable CIs widened); SE by half-splitting + surrogate error"),
        (Ksg, "Kraskov–Stögbauer–Grassberger estimator 1 (k-NN, max-norm); SE by half-splitting"),
        (Ksg2, "KSG estimator 2; SE by half-splitting"),
        (Gaussian, "Gaussian baseline −½ Σ ln(1 − ρᵢ²) from canonical correlations; SE by bootstrap"),
    ];
}
