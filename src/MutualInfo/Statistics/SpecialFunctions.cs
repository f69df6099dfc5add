namespace MutualInfo.Statistics;

/// <summary>Special functions needed by the estimators, accurate to a few ulps in double precision.</summary>
public static class SpecialFunctions
{
    /// <summary>The Euler–Mascheroni constant γ = −ψ(1).</summary>
    public const double EulerGamma = 0.57721566490153286060651209;

    /// <summary>
    /// The digamma function ψ(x) = d/dx ln Γ(x) for real x (poles at 0, −1, −2, … give NaN).
    /// Uses the reflection formula for x &lt; 0, the recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10,
    /// then the asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ).
    /// </summary>
    public static double Digamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return double.PositiveInfinity;
        if (x <= 0)
        {
            if (x == Math.Floor(x)) return double.NaN;
            // Reflection: ψ(1 − x) − ψ(x) = π cot(πx).
            return Digamma(1 - x) - Math.PI / Math.Tan(Math.PI * x);
        }
        double shift = 0;
        while (x < 10)
        {
            shift += 1 / x;
            x += 1;
        }
        return AsymptoticDigamma(x) - shift;
    }

    private static double AsymptoticDigamma(double x)
    {
        double inv2 = 1 / (x * x);
        // Bernoulli terms B2k/(2k): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12.
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                        - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
        return Math.Log(x) - 0.5 / x - series;
    }

    /// <summary>ψ(0), ψ(1), …, ψ(count − 1) with ψ(0) = NaN: a lookup table for the integer arguments of k-NN estimators.</summary>
    public static double[] DigammaTable(int count)
    {
        var table = new double[count];
        for (int i = 0; i < count; i++) table[i] = Digamma(i);
        return table;
    }
}
