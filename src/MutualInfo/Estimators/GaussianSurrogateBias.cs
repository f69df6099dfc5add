using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators;

/// <summary>
/// KSG's finite-sample bias measured on Gaussian surrogates of the data: samples of the same size and dimensions
/// from N(0, R), R the correlation matrix of the data's normal scores, whose MI is known exactly. Each surrogate
/// goes through the same pipeline as the data (normal scores, then KSG); estimate − exact MI is one draw of the
/// bias. R is the debiased fit of <see cref="GaussianCopulaFit"/>, not the raw correlation matrix: with few rows per
/// dimension the raw one is full of spurious X–Y correlation, whose exact MI the "correction" would otherwise add. For data with a Gaussian copula this is the bias itself; otherwise it is the bias of the closest
/// Gaussian-copula model, which captures the dominant term (strong linear dependence in several dimensions).
/// </summary>
internal static class GaussianSurrogateBias
{
    /// <summary>Keeps the surrogates' random streams apart from the estimator's splits and tie noise.</summary>
    private const ulong StreamBase = 1UL << 41;

    /// <summary>
    /// Runs <paramref name="count"/> surrogates N(0, <paramref name="correlation"/>) of the size of <paramref name="scores"/> through
    /// <paramref name="ksg"/> at n rows and, when <paramref name="withHalves"/>, at ⌊n/2⌋ rows (the first half of
    /// each surrogate, itself an iid sample; <see cref="SurrogateBias.HalfBias"/> is NaN otherwise). Each surrogate's
    /// KSG estimate is also set against its own unbiased Gaussian-copula MI: the spread of that gap is how far KSG and
    /// the Gaussian-copula MI of one dataset drift apart when the copula is Gaussian (<see cref="SurrogateBias.GapSd"/>).
    /// </summary>
    public static SurrogateBias Measure(PairedSamples scores, double[,] correlation, KsgEstimator ksg, int count, ulong seed, bool withHalves, Action? onSurrogate = null)
    {
        var family = new MultinormalFamily(correlation, scores.DimX);
        int n = scores.Count, m = n / 2;
        var full = new RunningMoments();
        var gap = new RunningMoments();
        var half = new RunningMoments();
        var halfRows = Enumerable.Range(0, m).ToArray();
        for (int j = 0; j < count; j++)
        {
            var x = new double[n * scores.DimX];
            var y = new double[n * scores.DimY];
            family.SampleJoint(Rng.ForStream(seed ^ StreamBase, (ulong)j), x, y);
            var surrogate = new PairedSamples(x, y, scores.DimX, scores.DimY);
            ulong ksgSeed = (seed ^ StreamBase) + (ulong)j + 1;
            var surrogateScores = NormalScores.Apply(surrogate, ksg.Options.Threads);
            double estimate = ksg.PointEstimate(surrogateScores, ksgSeed);
            full.Add(estimate - family.MutualInformation);
            gap.Add(estimate - GaussianCopulaFit.UnbiasedMi(surrogateScores));
            if (withHalves) half.Add(ksg.PointEstimate(NormalScores.Apply(surrogate.Rows(halfRows), ksg.Options.Threads), ksgSeed) - family.MutualInformation);
            onSurrogate?.Invoke();
        }
        return new SurrogateBias(family.MutualInformation, full.Mean, Math.Sqrt(full.Variance / count), withHalves ? half.Mean : double.NaN, count,
            count > 1 ? Math.Sqrt(gap.Variance) : double.NaN);
    }
}
