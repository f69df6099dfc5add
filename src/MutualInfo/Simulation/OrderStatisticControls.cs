using MutualInfo.Numerics;

namespace MutualInfo.Simulation;

/// <summary>
/// Controls of known mean from the largest negatives. Given y, the tail probabilities V_1 ≤ V_2 ≤ … of the n − 1
/// negatives' largest exact log ratios (V_j = P(log r &gt; M_j | y), M_j the j-th largest) are the smallest order
/// statistics of n − 1 uniforms, so E = −(n − 1) ln(1 − V_1) is Exp(1) and (V_j / V_{j+1})^j is uniform (Rényi), all
/// whatever y. Hence, each of mean exactly 0 given y:
/// ℓ + γ and ℓ² − (γ² + π²/6) with ℓ = ln E (γ Euler's constant), and g_j = j ln(V_j / V_{j+1}) + 1 (minus an Exp(1)
/// plus 1) for j = 1..<see cref="Gaps"/>; and so are their products with the functions of y. Why logarithms: the
/// value follows log S, S the negatives' sum, and at high I a few negatives with huge r dominate S, with M_j about
/// linear in ln V_j; the Legendre polynomials of the uniform G(M)^{n−1} are bounded and cannot follow the rare trials
/// where the maximum dominates (measured at 20-d, I = 15, n = 2^18 over 29 seeds with independent fresh positives: these
/// 25 controls, cross-fitted, shrink the SE about 14× in true spread, against 9–10× for the Legendre maximum's block
/// with moment controls). ℓ, ℓ² and g_j have exponential tails, so
/// their cross-fitted coefficients stay accurate, unlike the negatives' heavy-tailed moment sums.
/// </summary>
internal static class OrderStatisticControls
{
    /// <summary>Powers of ℓ.</summary>
    public const int LogPowers = 2;

    /// <summary>Gap controls g_1..g_Gaps (they need the Gaps + 1 largest negatives).</summary>
    public const int Gaps = 3;

    /// <summary>Of the functions of y, how many multiply each gap control.</summary>
    public const int GapInteractions = 2;

    private const double EulerGamma = 0.57721566490153286;

    /// <summary>Tail probabilities below this (never reached by a continuous family at n ≤ 2^30) are raised to it, so ℓ stays finite.</summary>
    private const double SmallestTail = 1e-300;

    /// <summary>Controls written for <paramref name="yControls"/> functions of y.</summary>
    public static int Count(int yControls) => LogPowers * (1 + yControls) + Gaps * (1 + Math.Min(GapInteractions, yControls));

    /// <summary>
    /// Writes the controls: ℓ + γ, its products with the functions of y, ℓ² − (γ² + π²/6) and its products, then each
    /// g_j with its products with the first <see cref="GapInteractions"/> functions of y (0 where n − 1 &lt; j + 1).
    /// </summary>
    /// <param name="tails">V_1, V_2, … : the tail probabilities of the largest negatives, ascending (at least Gaps + 1).</param>
    /// <param name="negatives">n − 1.</param>
    /// <param name="yControls">The functions of y, each of mean 0.</param>
    /// <param name="dest">Count(yControls.Length) slots.</param>
    public static void Write(ReadOnlySpan<double> tails, int negatives, ReadOnlySpan<double> yControls, Span<double> dest)
    {
        if (dest.Length != Count(yControls.Length)) throw new ArgumentException($"need {Count(yControls.Length)} slots, got {dest.Length}", nameof(dest));
        if (tails.Length < Gaps + 1) throw new ArgumentException($"need {Gaps + 1} tail probabilities", nameof(tails));
        double log = Math.Log(-negatives * SpecialFunctions.Log1P(-Math.Max(tails[0], SmallestTail)));
        int next = 0;
        double first = log + EulerGamma, second = log * log - (EulerGamma * EulerGamma + Math.PI * Math.PI / 6);
        foreach (double power in (ReadOnlySpan<double>)[first, second])
        {
            dest[next++] = power;
            foreach (double yc in yControls) dest[next++] = power * yc;
        }
        int interactions = Math.Min(GapInteractions, yControls.Length);
        for (int j = 1; j <= Gaps; j++)
        {
            double gap = 0;
            if (negatives >= j + 1)
                gap = j * Math.Log(Math.Max(tails[j - 1], SmallestTail) / Math.Max(tails[j], SmallestTail)) + 1;
            dest[next++] = gap;
            for (int k = 0; k < interactions; k++) dest[next++] = gap * yControls[k];
        }
    }
}
