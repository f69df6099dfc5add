using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>The result for one bound at one batch size.</summary>
/// <param name="Bound">The bound's name (JSON contract: infonce, nwj, tuba, dv, smile, alpha-infonce, loo-upper, club, mean-field).</param>
/// <param name="N">Batch size.</param>
/// <param name="Estimate">
/// Mean over trials with its standard error and normal 95% CI: the control-variate estimate (see
/// <see cref="ControlCoefficient"/>) when it applies, otherwise the plain trial mean (<see cref="PlainEstimate"/>).
/// </param>
/// <param name="FracAboveTrue">Fraction of trials whose value exceeds the true MI.</param>
/// <param name="Saturated">For InfoNCE-type bounds: the mean is within max(0.1 nats, 2 SE) of the log n cap.</param>
public sealed record SimulationRow(string Bound, int N, MeanEstimate Estimate, double FracAboveTrue, bool Saturated)
{
    /// <summary>The bound's specification with its parameters (e.g. <c>smile:tau=10</c>); unique within a run.</summary>
    public string Spec { get; init; } = Bound;

    /// <summary>The bound's human label (e.g. <c>smile(τ=10)</c>) for tables and plots.</summary>
    public string Label { get; init; } = Bound;

    /// <summary>The plain mean of the trial values with its SE (sd / √trials), whatever the control variate.</summary>
    public MeanEstimate PlainEstimate { get; init; } = Estimate;

    /// <summary>
    /// The fitted control-variate coefficient β (value − β·(control − I)), or null when the plain mean is reported
    /// (control variate off, non-finite trial values, or a control without spread).
    /// </summary>
    public double? ControlCoefficient { get; init; }

    /// <summary>
    /// Number of known-mean controls behind <see cref="Estimate"/>: 0 for the plain mean, 1 for the positive's log r
    /// alone, more with conditional positives (<see cref="ConditionalPositives"/>).
    /// </summary>
    public int ControlCount { get; init; }

    /// <summary>
    /// Fresh positives x ~ p(x | y) per trial averaged into <see cref="Estimate"/> (0: the trial's own positive only).
    /// </summary>
    public int ConditionalPositives { get; init; }

    /// <summary>
    /// For InfoNCE at the exact critic on families with a closed-form E_{p(x)p(y)}[r²]: the first-order (mean-field)
    /// approximation of E[InfoNCE] (see <see cref="TheoryOverlay"/>); null otherwise.
    /// </summary>
    public double? TheoryFirstOrder { get; init; }

    /// <summary>The second-order (delta-method) approximation of E[InfoNCE]; null when not applicable.</summary>
    public double? TheorySecondOrder { get; init; }

    /// <summary>
    /// For NWJ and TUBA at the exact critic with independent negatives: the exact variance of one trial,
    /// Var[log r] + (E_{p(x)p(y)}[r²] − 1)/(n − 1); null otherwise. Compare with <see cref="TrialVariance"/>.
    /// </summary>
    public double? TheoryTrialVariance { get; init; }

    /// <summary>The sample variance of the trial values (plain SE² · trials).</summary>
    public double TrialVariance => PlainEstimate.StdError * PlainEstimate.StdError * PlainEstimate.Count;

    /// <summary>log n, the InfoNCE cap.</summary>
    public double LogN => Math.Log(N);

    /// <summary>Number of trials behind the estimate.</summary>
    public long Trials => Estimate.Count;
}
