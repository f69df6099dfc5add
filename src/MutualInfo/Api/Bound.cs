using MutualInfo.Bounds;

namespace MutualInfo;

/// <summary>
/// Every variational bound of <c>mi simulate</c> as a one-liner over a critic score matrix
/// <c>scores[i, j] = f(x_i, y_j)</c> (log domain, n×n, positives on the diagonal), in nats. Scores must be finite or
/// −∞; NaN, +∞, a non-square or smaller than 2×2 matrix throw <see cref="ArgumentException"/> naming <c>scores</c>.
/// (Named <c>Bound</c>, not <c>Bounds</c>: the namespace <c>MutualInfo.Bounds</c> holds the implementations.)
/// </summary>
/// <example>
/// <code>
/// using MutualInfo;
///
/// double[,] scores = { { 2.0, -1.0, -0.5 }, { -0.8, 1.5, -1.2 }, { -0.3, -0.9, 2.2 } };
/// double infoNce = Bound.InfoNce(scores);    // ≤ log 3
/// double smile = Bound.Smile(scores, tau: 5);
/// </code>
/// </example>
public static class Bound
{
    /// <summary>InfoNCE: log n + mean_j (S[j,j] − logsumexp_i S[i,j]); never above log n.</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    /// <example>
    /// <code>
    /// // Scores of a critic on a batch of 3 pairs: positives on the diagonal, in nats (log domain).
    /// double[,] scores = { { 2.0, -1.0, -0.5 }, { -0.8, 1.5, -1.2 }, { -0.3, -0.9, 2.2 } };
    /// double lowerBound = Bound.InfoNce(scores);   // ≤ Math.Log(3): InfoNCE cannot exceed log n
    /// </code>
    /// </example>
    public static double InfoNce(double[,] scores) => Evaluate(new InfoNceBound(), scores);

    /// <summary>NWJ: mean diag S − e^{−1} · mean_offdiag e^{S} (optimal critic 1 + log r).</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    public static double Nwj(double[,] scores) => Evaluate(new NwjBound(), scores);

    /// <summary>TUBA with a constant baseline a = e^<paramref name="logBaseline"/>: 1 + mean diag (S − log a) − mean_offdiag e^{S − log a}.</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    /// <param name="logBaseline">log a (finite; default 0).</param>
    public static double Tuba(double[,] scores, double logBaseline = 0.0) =>
        Evaluate(new TubaBound(Finite(logBaseline, nameof(logBaseline))), scores);

    /// <summary>Donsker–Varadhan: mean diag S − logmeanexp_offdiag S.</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    public static double Dv(double[,] scores) => Evaluate(new DonskerVaradhanBound(), scores);

    /// <summary>MINE's value (the DV expression; MINE differs from DV only in training, by its moving-average gradient).</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    public static double Mine(double[,] scores) => Evaluate(new MineBound(), scores);

    /// <summary>SMILE(τ): mean diag S − logmeanexp_offdiag clip(S, −τ, τ).</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    /// <param name="tau">Clipping threshold τ &gt; 0 (default 5).</param>
    public static double Smile(double[,] scores, double tau = SmileBound.DefaultTau)
    {
        if (!(tau > 0) || !double.IsFinite(tau)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must be a finite number > 0");
        return Evaluate(new SmileBound(tau), scores);
    }

    /// <summary>The f-GAN Jensen–Shannon critic's MI value, reported as NWJ(S + 1) (JS's optimal critic is log r).</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    public static double Js(double[,] scores) => Evaluate(new JensenShannonBound(), scores);

    /// <summary>α-InfoNCE (Poole et al. 2019): α = 1 is leave-one-out InfoNCE, α = 0 is TUBA(a).</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    /// <param name="alpha">Interpolation weight α ∈ [0, 1] (default <see cref="AlphaInfoNceBound.DefaultAlpha"/>, the one default of every <c>alpha-infonce</c>).</param>
    /// <param name="logBaseline">log a (finite; default 0).</param>
    public static double AlphaInfoNce(double[,] scores, double alpha = AlphaInfoNceBound.DefaultAlpha, double logBaseline = 0.0) =>
        Evaluate(new AlphaInfoNceBound(alpha, Finite(logBaseline, nameof(logBaseline))), scores);

    /// <summary>The leave-one-out upper bound mean_i (S[i,i] − logmeanexp_{j≠i} S[j,i]); an upper bound when S is the true log r.</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    public static double LeaveOneOutUpper(double[,] scores) => Evaluate(new LeaveOneOutUpperBound(), scores);

    /// <summary>The mean-field expression log n + mean_i (S[i,i] − logaddexp(S[i,i], log(n − 1))): not a bound, shown beside InfoNCE.</summary>
    /// <param name="scores">The n×n score matrix (n ≥ 2).</param>
    public static double MeanField(double[,] scores) => Evaluate(new MeanFieldBound(), scores);

    private static double Evaluate(IBound bound, double[,] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int n = scores.GetLength(0);
        if (scores.GetLength(1) != n) throw new ArgumentException($"scores must be square (n×n, positives on the diagonal), got {n}×{scores.GetLength(1)}", nameof(scores));
        if (n < 2) throw new ArgumentException($"scores is {n}×{n}; a batch needs n ≥ 2 (at least one negative)", nameof(scores));
        var flat = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = scores[i, j];
                if (double.IsNaN(s) || double.IsPositiveInfinity(s))
                    throw new ArgumentException($"scores[{i}, {j}] is {s}; scores are log densities, finite or −∞", nameof(scores));
                flat[i * n + j] = s;
            }
        return bound.EvaluateBatch(flat, n);
    }

    private static double Finite(double value, string parameter) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(parameter, value, "must be finite");
}
