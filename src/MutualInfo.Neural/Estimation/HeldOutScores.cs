using MutualInfo.Statistics;

namespace MutualInfo.Neural.Estimation;

/// <summary>
/// Per-column contributions of a bound on an n×n held-out score matrix S[i, j] = f(x_i, y_j), used for the
/// standard error: each bound's value is (or, for log-mean-exp partition terms, is linearised as) a mean over the
/// n columns of one term per column, so SE = sd(terms) / √n.
/// </summary>
internal static class HeldOutScores
{
    /// <summary>The per-column terms whose mean is (to first order) the value of <paramref name="kind"/> on <paramref name="scores"/>.</summary>
    public static double[] ColumnTerms(ReadOnlySpan<double> scores, int n, NeuralObjectiveKind kind, double tau)
    {
        bool clip = kind == NeuralObjectiveKind.Smile;
        bool withDiagonal = kind == NeuralObjectiveKind.InfoNce;
        double[] logMeanExp = ColumnLogMeanExp(scores, n, withDiagonal, clip ? tau : double.PositiveInfinity);
        var terms = new double[n];
        switch (kind)
        {
            case NeuralObjectiveKind.InfoNce:
                // log n + S[j,j] − logsumexp_i S[i,j], with logsumexp = log n + logmeanexp.
                for (int j = 0; j < n; j++) terms[j] = scores[j * n + j] - logMeanExp[j];
                break;
            case NeuralObjectiveKind.Nwj:
                for (int j = 0; j < n; j++) terms[j] = scores[j * n + j] - Math.Exp(logMeanExp[j] - 1);
                break;
            case NeuralObjectiveKind.Js:
                for (int j = 0; j < n; j++) terms[j] = 1 + scores[j * n + j] - Math.Exp(logMeanExp[j]);
                break;
            default:
                // mean diag − log mean_j b_j, linearised at the mean: δ(log b̄) ≈ δb̄ / b̄, so term_j = S[j,j] − b_j / b̄.
                double logMeanB = LogMeanExp(logMeanExp);
                for (int j = 0; j < n; j++) terms[j] = scores[j * n + j] - Math.Exp(logMeanExp[j] - logMeanB);
                break;
        }
        return terms;
    }

    /// <summary>SE of the value of <paramref name="kind"/> on <paramref name="scores"/>: sd of its per-column terms / √n.</summary>
    public static double StandardError(ReadOnlySpan<double> scores, int n, NeuralObjectiveKind kind, double tau)
    {
        var moments = new RunningMoments();
        foreach (double t in ColumnTerms(scores, n, kind, tau)) moments.Add(t);
        return moments.StdError;
    }

    /// <summary>log mean_i exp(min(S[i,j], cap)) per column j, over all i or over i ≠ j; scores are also clamped below at −cap.</summary>
    private static double[] ColumnLogMeanExp(ReadOnlySpan<double> scores, int n, bool withDiagonal, double cap)
    {
        var max = new double[n];
        Array.Fill(max, double.NegativeInfinity);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (withDiagonal || i != j) max[j] = Math.Max(max[j], Clamp(scores[i * n + j], cap));
        var sum = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if ((withDiagonal || i != j) && max[j] > double.NegativeInfinity) sum[j] += Math.Exp(Clamp(scores[i * n + j], cap) - max[j]);
        int count = withDiagonal ? n : n - 1;
        var result = new double[n];
        for (int j = 0; j < n; j++) result[j] = max[j] == double.NegativeInfinity ? double.NegativeInfinity : max[j] + Math.Log(sum[j] / count);
        return result;
    }

    private static double Clamp(double value, double cap) => Math.Clamp(value, -cap, cap);

    private static double LogMeanExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values) max = Math.Max(max, v);
        if (max == double.NegativeInfinity) return max;
        double sum = 0;
        foreach (double v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum / values.Length);
    }
}
