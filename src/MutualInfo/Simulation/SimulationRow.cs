using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>The result for one bound at one batch size.</summary>
/// <param name="Bound">The bound's name (JSON contract: infonce, nwj, tuba, dv, smile, alpha-infonce, loo-upper, mean-field).</param>
/// <param name="N">Batch size.</param>
/// <param name="Estimate">Mean over trials with its standard error (spread of trial values / √trials) and normal 95% CI.</param>
/// <param name="FracAboveTrue">Fraction of trials whose value exceeds the true MI.</param>
/// <param name="Saturated">For InfoNCE-type bounds: the mean is within max(0.1 nats, 2 SE) of the log n cap.</param>
public sealed record SimulationRow(string Bound, int N, MeanEstimate Estimate, double FracAboveTrue, bool Saturated)
{
    /// <summary>log n, the InfoNCE cap.</summary>
    public double LogN => Math.Log(N);

    /// <summary>Number of trials behind the estimate.</summary>
    public long Trials => Estimate.Count;
}
