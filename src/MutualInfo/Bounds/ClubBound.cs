namespace MutualInfo.Bounds;

/// <summary>
/// CLUB, the contrastive log-ratio upper bound (Cheng et al. 2020), on scores S = log q(y|x) − log p(y):
/// mean diag S − mean_offdiag S (single form: s₀ − mean_{k≥1} s_k). The log p(y) terms cancel, so with the exact
/// conditional (S = log r) its expectation is E_joint[log r] − E_{p(x)p(y)}[log r] = I + L, where
/// L = KL(p(x)p(y) ‖ p(x,y)) is the lautum information: an upper bound on I, tight only when L = 0 (independence).
/// An arithmetic mean of scores, not a log-mean-exp: a −∞ negative (a pair of zero joint density) makes it +∞.
/// </summary>
public sealed class ClubBound : IBound
{
    /// <inheritdoc/>
    public string Name => "club";

    /// <inheritdoc/>
    public string Label => Name;

    /// <inheritdoc/>
    public string Spec => Name;

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        double diagonal = ScoreMatrix.DiagonalMean(scores, n);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            if (i == j) continue;
            double s = scores[i * n + j];
            LogSumExp.ThrowIfIllegal(s);
            if (s == double.NegativeInfinity) return double.PositiveInfinity;
            sum += s;
        }
        return diagonal - sum / ((double)n * (n - 1));
    }

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores)
    {
        ScoreMatrix.CheckSingle(scores);
        if (scores[0] == double.NegativeInfinity) return double.NegativeInfinity;
        double sum = 0.0;
        foreach (double s in scores[1..])
        {
            LogSumExp.ThrowIfIllegal(s);
            sum += s;
        }
        return SingleFromSum(scores[0], sum, scores.Length);
    }

    /// <summary>
    /// The single-positive value from the positive and the plain sum of its n − 1 negatives (−∞ when one is −∞),
    /// so that one running sum over a stream of negatives serves every n.
    /// </summary>
    public static double SingleFromSum(double positive, double sumNegatives, int n)
    {
        if (n < 2) throw new ArgumentException($"need the positive and at least one negative, got n = {n}");
        if (positive == double.NegativeInfinity) return double.NegativeInfinity;
        if (sumNegatives == double.NegativeInfinity) return double.PositiveInfinity;
        return positive - sumNegatives / (n - 1);
    }
}
