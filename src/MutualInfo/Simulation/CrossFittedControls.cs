using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>
/// A control-variate estimator of a mean that is exactly unbiased: with controls c of known mean 0, the trials are
/// split into folds (trial t in fold t mod K), and each fold's values are corrected by coefficients β fitted on the
/// other folds only, e_t = v_t − βᵀc_t. As β is independent of the fold's controls and E[c] = 0, E[e_t] = E[v] exactly
/// (no O(1/T) bias from fitting β on the same trials). Which of the nested control sets to use is also chosen on the
/// other folds only (fitted on two of them, scored on the other two, and the other way round), so a control that does not help there — e.g. one too heavy-tailed
/// for the trials at hand — is left out without touching unbiasedness. The estimate is the mean of e and its SE
/// the standard deviation of e over √T.
/// </summary>
internal static class CrossFittedControls
{
    /// <summary>Folds of the outer split.</summary>
    public const int Folds = 10;

    /// <summary>
    /// Training trials needed per fitted coefficient: with fewer, β's error (which the per-trial residuals do not
    /// show, as folds share trials through β) makes the SE too small — measured: z-scores of unit spread at 1000
    /// trials with 32 coefficients, spread 1.5 at 300 trials with as many.
    /// </summary>
    public const int TrialsPerCoefficient = 25;

    /// <summary>The result: the estimate, the number of controls most folds used, and the first control's mean coefficient.</summary>
    public readonly record struct Result(MeanEstimate Estimate, int Controls, double FirstCoefficient);

    /// <summary>
    /// The estimate from <paramref name="values"/> with the first k of <paramref name="controls"/>, k one of
    /// <paramref name="candidateCounts"/> chosen per fold; null with fewer than 10 trials per fold or a non-finite value.
    /// </summary>
    public static Result? Estimate(ReadOnlySpan<double> values, IReadOnlyList<double[]> controls, IReadOnlyList<int> candidateCounts) =>
        Estimate(values, [new Chain(controls, candidateCounts)]);

    /// <summary>One ordering of the controls and the prefix lengths k offered from it.</summary>
    public sealed record Chain(IReadOnlyList<double[]> Controls, IReadOnlyList<int> Counts);

    /// <summary>
    /// As <see cref="Estimate(ReadOnlySpan{double}, IReadOnlyList{double[]}, IReadOnlyList{int})"/>, choosing per fold
    /// among the prefixes of several orderings of the controls (nested sets within each ordering).
    /// </summary>
    public static Result? Estimate(ReadOnlySpan<double> values, IReadOnlyList<Chain> chains)
    {
        int t = values.Length;
        if (t < 10 * Folds || chains.Count == 0) return null;
        int trainSize = t - (t + Folds - 1) / Folds;
        foreach (double x in values) if (!double.IsFinite(x)) return null;
        var usable = new List<(Chain Chain, int[] Counts, FoldSums[] Folds)>();
        foreach (Chain chain in chains)
        {
            if (chain.Controls.Any(c => c.Length != t)) throw new ArgumentException("every control needs one value per trial", nameof(chains));
            if (chain.Counts.Any(k => k < 0 || k > chain.Controls.Count)) throw new ArgumentException("a count exceeds its chain", nameof(chains));
            int[] counts = chain.Counts.Where(k => (k + 1) * TrialsPerCoefficient <= trainSize).Distinct().ToArray();
            if (counts.Length == 0) continue;
            int k = counts.Max();
            if (chain.Controls.Take(k).Any(c => c.Any(x => !double.IsFinite(x)))) return null;
            usable.Add((chain, counts, FoldSums.Compute(values, chain.Controls, k, Folds)));
        }
        if (usable.Count == 0) return null;
        var corrected = new double[t];
        var chosen = new int[Folds];
        double firstCoefficient = 0;
        for (int f = 0; f < Folds; f++)
        {
            int[] train = Enumerable.Range(1, Folds - 1).Select(j => (f + j) % Folds).ToArray();
            double bestScore = double.PositiveInfinity;
            (int Chain, int Count) best = (0, usable[0].Counts[0]);
            for (int c = 0; c < usable.Count; c++)
            {
                FoldSums[] folds = usable[c].Folds;
                FoldSums a = FoldSums.Combine(folds, train[..(train.Length / 2)]), b = FoldSums.Combine(folds, train[(train.Length / 2)..]);
                double[][] betasA = a.Slopes(usable[c].Counts), betasB = b.Slopes(usable[c].Counts);
                for (int j = 0; j < usable[c].Counts.Length; j++)
                {
                    double score = b.HeldOutSquares(betasA[j]) + a.HeldOutSquares(betasB[j]);
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = (c, usable[c].Counts[j]);
                    }
                }
            }
            IReadOnlyList<double[]> controls = usable[best.Chain].Chain.Controls;
            double[] beta = FoldSums.Combine(usable[best.Chain].Folds, train).Slopes([best.Count])[0];
            chosen[f] = best.Count;
            if (beta.Length > 0) firstCoefficient += beta[0] / Folds;
            for (int i = f; i < t; i += Folds)
            {
                double correction = 0;
                for (int j = 0; j < beta.Length; j++) correction += beta[j] * controls[j][i];
                corrected[i] = values[i] - correction;
            }
        }
        var moments = new RunningMoments();
        foreach (double e in corrected) moments.Add(e);
        // The folds share trials through β, so the per-trial spread can understate the error; the spread of the fold
        // means (K − 1 degrees of freedom) also sees that, and the larger of the two is reported.
        var foldMeans = new RunningMoments();
        for (int f = 0; f < Folds; f++)
        {
            var fold = new RunningMoments();
            for (int i = f; i < t; i += Folds) fold.Add(corrected[i]);
            foldMeans.Add(fold.Mean);
        }
        MeanEstimate withinFolds = moments.ToEstimate();
        double se = Math.Max(withinFolds.StdError, foldMeans.StdError);
        int controlsUsed = chosen.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        return new Result(MeanEstimate.FromMoments(withinFolds.Mean, se, t), controlsUsed, firstCoefficient);
    }
}
