using MutualInfo.Bounds;

namespace MutualInfo.Neural.Estimation;

/// <summary>
/// Early stopping without its selection bias: the n held-out rows are two halves A and B; at every evaluation the
/// bound is computed on each half's own score block, the step best on A fixes the critic whose value on B is kept,
/// and the other way round. Each kept value is then an honest held-out value (the half that chose the step did not
/// score it), and the estimate is their mean. Reporting the best value of one set, as plain early stopping does,
/// is the maximum of correlated noisy values and sits above the critic's true held-out value.
/// </summary>
internal sealed class CrossSelection : IHeldOutSelection
{
    private readonly int _n, _half;
    private readonly IBound _bound;
    private readonly double[] _a, _b, _bAtBestA, _aAtBestB;
    private double _bestA = double.NegativeInfinity, _bestB = double.NegativeInfinity;

    /// <summary>Halves of an n×n held-out score matrix: A = rows and columns [0, n/2), B = the rest.</summary>
    public CrossSelection(int n, IBound bound)
    {
        _n = n;
        _half = n / 2;
        _bound = bound;
        _a = new double[_half * _half];
        _aAtBestB = new double[_half * _half];
        _b = new double[(n - _half) * (n - _half)];
        _bAtBestA = new double[(n - _half) * (n - _half)];
    }

    /// <inheritdoc />
    /// <remarks>The smaller half: the batch behind each kept value.</remarks>
    public int BatchRows => _half;

    /// <summary>Reads one evaluation's full score matrix; true when either half found a new best.</summary>
    public bool Offer(ReadOnlySpan<double> scores)
    {
        CopyBlock(scores, 0, _half, _a);
        CopyBlock(scores, _half, _n - _half, _b);
        double onA = _bound.EvaluateBatch(_a, _half), onB = _bound.EvaluateBatch(_b, _n - _half);
        bool improvedA = Keep(onA, ref _bestA, _b, _bAtBestA), improvedB = Keep(onB, ref _bestB, _a, _aAtBestB);
        return improvedA || improvedB;
    }

    /// <summary>
    /// Keeps <paramref name="other"/>'s block when <paramref name="value"/> is a new best — and, as
    /// <see cref="BestEvaluation"/> does, while no evaluation has been finite yet, so that a training whose every value
    /// is −∞ yields −∞ (a diverged critic) rather than the value of an all-zero matrix.
    /// </summary>
    private static bool Keep(double value, ref double best, double[] other, double[] kept)
    {
        bool improved = value > best;
        if (improved || double.IsNegativeInfinity(best)) other.CopyTo(kept, 0);
        if (improved) best = value;
        return improved;
    }

    /// <summary>
    /// The mean of the two honest held-out values and its SE, ½√(SE_A² + SE_B²) (the halves are disjoint rows;
    /// each SE from its per-column terms, <see cref="HeldOutScores.StandardError"/>).
    /// </summary>
    public (double Mi, double StdError) Estimate(NeuralObjectiveKind kind, double tau)
    {
        double onB = _bound.EvaluateBatch(_bAtBestA, _n - _half), onA = _bound.EvaluateBatch(_aAtBestB, _half);
        double seB = HeldOutScores.StandardError(_bAtBestA, _n - _half, kind, tau);
        double seA = HeldOutScores.StandardError(_aAtBestB, _half, kind, tau);
        return (0.5 * (onA + onB), 0.5 * Math.Sqrt(seA * seA + seB * seB));
    }

    private void CopyBlock(ReadOnlySpan<double> scores, int start, int size, double[] block)
    {
        for (int i = 0; i < size; i++)
            scores.Slice((start + i) * _n + start, size).CopyTo(block.AsSpan(i * size, size));
    }
}
