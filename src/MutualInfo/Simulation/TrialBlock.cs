namespace MutualInfo.Simulation;

/// <summary>The raw trial values at one batch size: values[bound][trial] and each trial's control.</summary>
/// <param name="N">The batch size.</param>
/// <param name="Values">values[bound][trial], bounds in the order of the settings.</param>
/// <param name="Controls">The control of each trial (mean exact log r over its positives; expectation I).</param>
internal sealed record TrialBlock(int N, double[][] Values, double[] Controls);
