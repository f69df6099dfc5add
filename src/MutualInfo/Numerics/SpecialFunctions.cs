namespace MutualInfo.Numerics;

/// <summary>
/// Special functions in double precision: log-gamma, digamma, the complementary error function and the standard
/// normal distribution function with its inverse. Written here because .NET has none of them and the core must
/// stay free of native dependencies.
/// </summary>
public static class SpecialFunctions
{
    private const double LanczosG = 7.0;

    // Lanczos (g = 7, n = 9) coefficients: relative error of Γ below 2e-15 on the positive axis.
    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation; exact 0 at x = 1 and x = 2).</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs x > 0");
        if (x == 1 || x == 2) return 0;
        if (x < 0.5)
        {
            // Reflection keeps the series in its accurate range: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }
        double z = x - 1;
        double sum = LanczosCoefficients[0];
        for (int k = 1; k < LanczosCoefficients.Length; k++) sum += LanczosCoefficients[k] / (z + k);
        double t = z + LanczosG + 0.5;
        return HalfLogTwoPi + (z + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>The digamma function ψ(x) = d ln Γ(x) / dx for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "Digamma needs x > 0");
        // ψ(x) = ψ(x + 1) − 1/x lifts x into the range where the asymptotic series is accurate to double precision.
        double shift = 0;
        while (x < 10)
        {
            shift -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))));
        return shift + Math.Log(x) - 0.5 / x - series;
    }

    /// <summary>The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 0.5) return 1 - ErfSeries(x);
        if (x > 27) return 0;
        return ErfcContinuedFraction(x);
    }

    /// <summary>The error function erf(x).</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (Math.Abs(x) < 0.5) return ErfSeries(x);
        return x > 0 ? 1 - Erfc(x) : Erfc(-x) - 1;
    }

    // erf(x) = 2/√π · e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): all terms positive, so no cancellation.
    private static double ErfSeries(double x)
    {
        double x2 = x * x, term = x, sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
    }

    // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), modified Lentz evaluation.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 5000; n++)
        {
            double a = n * 0.5;
            d = x + a * d;
            if (d == 0) d = tiny;
            c = x + a / c;
            if (c == 0) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }

    /// <summary>The standard normal distribution function Φ(x), accurate in relative terms in the lower tail.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>
    /// The standard normal quantile Φ⁻¹(p) for p in [0, 1] (±∞ at the ends): Acklam's rational approximation
    /// (relative error 1.2e-9) refined by one Halley step on the accurate <see cref="NormalCdf"/>, which brings it
    /// to double precision.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "probability must lie in [0, 1]");
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        // 1 − p is exact for p ≥ ½, so working in the lower tail loses nothing.
        return p > 0.5 ? -LowerQuantile(1 - p) : LowerQuantile(p);
    }

    private static double LowerQuantile(double p)
    {
        double x = AcklamLower(p);
        double e = NormalCdf(x) - p;
        double u = e * SqrtTwoPi * Math.Exp(0.5 * x * x);
        return x - u / (1 + 0.5 * x * u);
    }

    private static double AcklamLower(double p)
    {
        const double pLow = 0.02425;
        if (p < pLow)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                        - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                   / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                       + 3.754408661907416e+00) * q + 1);
        }
        double r0 = p - 0.5, r = r0 * r0;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                    + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * r0
               / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }
}
