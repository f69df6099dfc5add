namespace MutualInfo.Estimators;

/// <summary>Settings of <see cref="CopulaKsgEstimator"/>.</summary>
public sealed record CopulaKsgOptions
{
    /// <summary>
    /// The inner KSG run on the normal scores (k, variant, tie noise, splits, search, threads, progress). Its
    /// <see cref="KsgOptions.BiasAllowance"/> is ignored: see <see cref="ResidualBiasAllowance"/>.
    /// </summary>
    public KsgOptions Ksg { get; init; } = new();

    /// <summary>Gaussian surrogates behind the bias correction (0: no correction; otherwise at least 2).</summary>
    public int Surrogates { get; init; } = DefaultSurrogates;

    /// <summary>The default <see cref="Surrogates"/>.</summary>
    public const int DefaultSurrogates = 8;

    /// <summary>
    /// The CI is extended, on the side it points to, by this multiple of the residual drift: the data's n/2→n
    /// drift minus the surrogates' (what the Gaussian-copula correction did not explain). 0: CI = θ ± t·SE.
    /// </summary>
    public double ResidualBiasAllowance { get; init; } = DefaultResidualBiasAllowance;

    /// <summary>
    /// The default <see cref="ResidualBiasAllowance"/>: as for plain KSG, 1/(√2 − 1) ≈ 2.414 (remaining bias assumed to
    /// decay as n^(−½)); measured coverage in bench/ksg/accuracy/RESULTS.md.
    /// </summary>
    public const double DefaultResidualBiasAllowance = KsgOptions.DefaultBiasAllowance;

    /// <summary>
    /// A held-out lower bound on the MI (an estimator whose expectation is at most the MI, such as a neural InfoNCE
    /// critic scored on rows it was not trained or early-stopped on), run on the normal scores only when the
    /// reliability evidence already doubts KSG; null: never. A value above KSG's beyond their combined error shows
    /// that KSG underestimates: it is then reported, and the CI starts from it (<c>CopulaKsgReliability</c>).
    /// </summary>
    public IMiEstimator? HeldOutLowerBound { get; init; }

    /// <summary>Throws a one-line <see cref="ArgumentException"/> on invalid settings.</summary>
    public void Validate()
    {
        Ksg.Validate();
        if (Surrogates < 0 || Surrogates == 1) throw new ArgumentOutOfRangeException("options.Surrogates", $"must be 0 (no bias correction) or at least 2, got {Surrogates}");
        if (!(ResidualBiasAllowance >= 0) || double.IsInfinity(ResidualBiasAllowance)) throw new ArgumentOutOfRangeException("options.ResidualBiasAllowance", $"must be a finite number ≥ 0, got {ResidualBiasAllowance}");
    }
}
