using MutualInfo.Bounds;

namespace MutualInfo.Neural.Estimation;

/// <summary>
/// Plain early stopping: the evaluation with the best value on the whole held-out set is kept, and the estimate is
/// that value — slightly optimistic, being the best of several noisy evaluations (<see cref="CrossSelection"/> is not).
/// </summary>
internal sealed class BestEvaluation(int n, IBound bound) : IHeldOutSelection
{
    private readonly double[] _best = new double[n * n];
    private double _bestValue = double.NegativeInfinity;

    /// <inheritdoc />
    public int BatchRows => n;

    /// <inheritdoc />
    public bool Offer(ReadOnlySpan<double> scores)
    {
        double value = bound.EvaluateBatch(scores, n);
        bool improved = value > _bestValue;
        // Until an evaluation is finite (e.g. NaN values), the latest is kept rather than an all-zero matrix.
        if (improved || double.IsNegativeInfinity(_bestValue)) scores.CopyTo(_best);
        if (improved) _bestValue = value;
        return improved;
    }

    /// <inheritdoc />
    public (double Mi, double StdError) Estimate(NeuralObjectiveKind kind, double tau) =>
        (bound.EvaluateBatch(_best, n), HeldOutScores.StandardError(_best, n, kind, tau));
}
