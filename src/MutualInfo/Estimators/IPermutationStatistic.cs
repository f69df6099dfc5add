using MutualInfo.Data;

namespace MutualInfo.Estimators;

/// <summary>
/// An estimator whose permutation test uses a cheaper statistic than its point estimate: any statistic that grows
/// with dependence gives a valid test, as long as the observed data and every permutation use the same one.
/// </summary>
internal interface IPermutationStatistic
{
    /// <summary>The statistic on these samples (deterministic given the seed).</summary>
    double PermutationStatistic(PairedSamples samples, ulong seed);
}
