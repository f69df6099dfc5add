namespace MutualInfo.Bounds;

/// <summary>
/// A variational MI bound as a pure function of critic scores (log domain).
/// Batch form: <c>scores[i*n + j] = f(x_i, y_j)</c>, an n×n row-major matrix whose diagonal holds the positives.
/// Single-positive form (independent negatives): <c>scores[0] = f(x, y)</c>, <c>scores[1..n) = f(x̄_k, y)</c>.
/// −∞ scores are legal and never produce NaN; a −∞ positive makes the value −∞ (the critic calls an observed pair
/// impossible), which also settles the otherwise undefined case of a column that is −∞ throughout.
/// </summary>
public interface IBound
{
    /// <summary>Stable name used on the command line and in JSON (e.g. <c>infonce</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The bound's optimal critic expressed through the true log ratio: f*(x, y) = log r(x, y) + OptimalCriticShift
    /// (e.g. 1 for NWJ, log a for TUBA). The simulator evaluates each bound at this critic.
    /// </summary>
    double OptimalCriticShift { get; }

    /// <summary>Human label for tables, with non-default parameters (e.g. <c>smile(τ=5)</c>).</summary>
    string Label => Name;

    /// <summary>The specification <see cref="BoundSpec.Parse"/> turns back into this bound (e.g. <c>smile:tau=10</c>).</summary>
    string Spec => Name;

    /// <summary>The bound's value on one batch of n pairs (n×n scores).</summary>
    double EvaluateBatch(ReadOnlySpan<double> scores, int n);

    /// <summary>The bound's value for one positive and its n − 1 independent negatives (positive first).</summary>
    double EvaluateSingle(ReadOnlySpan<double> scores);
}
