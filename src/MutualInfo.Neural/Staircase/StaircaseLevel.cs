namespace MutualInfo.Neural.Staircase;

/// <summary>Summary of one level for one estimator: mean and standard deviation of the per-step estimates over the last quarter of the level.</summary>
/// <param name="TrueMi">The level's true MI (nats).</param>
/// <param name="Mean">Mean estimate over the level's last quarter.</param>
/// <param name="Std">Standard deviation (n − 1) of those estimates: the estimator's batch-to-batch spread.</param>
public sealed record StaircaseLevel(double TrueMi, double Mean, double Std)
{
    /// <summary>Mean − true MI.</summary>
    public double Bias => Mean - TrueMi;
}
