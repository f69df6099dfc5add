namespace MutualInfo.Simulation;

/// <summary>The raw trial values at one batch size: values[bound][trial] and each trial's control.</summary>
/// <param name="N">The batch size.</param>
/// <param name="Values">values[bound][trial], bounds in the order of the settings.</param>
/// <param name="Controls">The control of each trial (mean exact log r over its positives; expectation I).</param>
internal sealed record TrialBlock(int N, double[][] Values, double[] Controls)
{
    /// <summary>
    /// conditional[bound][trial]: each trial's value averaged over fresh positives x ~ p(x | y) against the same
    /// negatives (same expectation as <see cref="Values"/>); null when the run has no conditional positives.
    /// </summary>
    public double[][]? ConditionalValues { get; init; }

    /// <summary>controls[control][trial], each of known mean 0 (see <c>ConditionalLayout</c>); null with <see cref="ConditionalValues"/>.</summary>
    public double[][]? ZeroMeanControls { get; init; }
}
