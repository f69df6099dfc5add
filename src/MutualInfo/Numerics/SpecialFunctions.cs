namespace MutualInfo.Numerics;

/// <summary>
/// Special functions in double precision: log-gamma, digamma, the complementary error function and the standard
/// normal distribution function with its inverse. Written here because .NET has none of them and the core must
/// stay free of native dependencies.
/// </summary>
internal static class SpecialFunctions
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

    /// <summary>e^x − 1, accurate for tiny |x| (Kahan's formulation; .NET's double.ExpM1 is computed as Exp(x) − 1).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1) return -1;
        return double.IsPositiveInfinity(u) ? u : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x), accurate for tiny |x| (Kahan's formulation).</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        if (u == 1) return x;
        return double.IsPositiveInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1);
    }

    /// <summary>
    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a) for a &gt; 0, x ≥ 0 (the distribution
    /// function of Gamma(a, 1)): its power series below x = a + 1, Lentz's continued fraction for 1 − P above.
    /// </summary>
    public static double RegularizedGammaP(double a, double x)
    {
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "need a > 0");
        if (!(x >= 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "need x ≥ 0");
        if (x == 0) return 0;
        if (double.IsPositiveInfinity(x)) return 1;
        double logPrefactor = -x + a * Math.Log(x) - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1 / a, sum = term;
            for (double ap = a + 1; Math.Abs(term) > Math.Abs(sum) * 1e-17; ap++)
            {
                term *= x / ap;
                sum += term;
            }
            return Math.Min(1, sum * Math.Exp(logPrefactor));
        }
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Max(0, 1 - Math.Exp(logPrefactor) * h);
    }

    /// <summary>
    /// The inverse of <see cref="RegularizedGammaP"/> in x: the Gamma(a, 1) quantile at p in [0, 1]. Starts from
    /// Wilson–Hilferty (or the small-x power law where that fails) and takes Halley steps kept inside a bracket that
    /// shrinks with every evaluation (bisecting when a step would leave it), to relative precision 1e-15.
    /// </summary>
    public static double InverseRegularizedGammaP(double a, double p)
    {
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "need a > 0");
        if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "probability must lie in [0, 1]");
        if (p == 0) return 0;
        if (p == 1) return double.PositiveInfinity;
        double logGammaA = LogGamma(a);
        double z = NormalQuantile(p), cube = 1 - 1 / (9 * a) + z / (3 * Math.Sqrt(a));
        double x = a * cube * cube * cube;
        // Below the mode's scale P(a, x) ≈ x^a / Γ(a + 1), which Wilson–Hilferty misses (it can even turn negative).
        double powerLaw = Math.Exp((Math.Log(p) + LogGamma(a + 1)) / a);
        if (!(x > 0) || powerLaw < 0.5 * a) x = Math.Max(x, powerLaw);
        double lo = 0, hi = double.PositiveInfinity;
        for (int i = 0; i < 200; i++)
        {
            double f = RegularizedGammaP(a, x) - p;
            if (f == 0) return x;
            if (f < 0) lo = x; else hi = x;
            double newton = f / Math.Exp((a - 1) * Math.Log(x) - x - logGammaA);
            // Halley's correction (P''/P' = (a − 1)/x − 1): cubic convergence, two or three evaluations from the start.
            double next = x - newton / (1 - 0.5 * newton * ((a - 1) / x - 1));
            if (!(next > lo && next < hi)) next = double.IsPositiveInfinity(hi) ? 2 * x + 1 : 0.5 * (lo + hi);
            if (Math.Abs(next - x) <= 1e-15 * x) return next;
            x = next;
        }
        return x;
    }

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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
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

    // erfc at the nodes 0.5, 0.75, …, 3 (mpmath, 20 digits): Taylor expansion around the nearest node covers the
    // range where the series for erf would cancel and the continued fraction would converge slowly.
    private static readonly double[] ErfcNodes =
    [
        0.47950012218695346232, 0.2888443663464848684, 0.15729920705028513066, 0.077099871743541769863,
        0.033894853524689272933, 0.013328328780817556228, 0.0046777349810472658379, 0.0014627165866811516979,
        0.00040695201744495893956, 0.0001006219221196368369, 0.000022090496998585441373,
    ];

    private const double NodeStart = 0.5, NodeStep = 0.25;

    /// <summary>The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 0.5) return 1 - ErfSeries(x);
        if (x < 3.125) return ErfcTaylor(x);
        if (x > 27.3) return 0;
        return ExpOfNegativeSquare(x, 1) / Math.Sqrt(Math.PI) / ContinuedFraction(x, 0.5);
    }

    // erfc(x₀ + h) = erfc(x₀) − (2/√π) e^{−x₀²} Σₙ (−1)ⁿ Hₙ(x₀) h^{n+1} / (n+1)!, Hₙ the physicists' Hermite polynomials.
    private static double ErfcTaylor(double x)
    {
        int node = (int)Math.Round((x - NodeStart) / NodeStep);
        double x0 = NodeStart + node * NodeStep, h = x - x0;
        double hPrev = 1, hCur = 2 * x0;   // H₀, H₁
        double power = h, sum = h;          // n = 0 term: H₀ h¹ / 1!
        for (int n = 1; n < 60; n++)
        {
            power *= -h / (n + 1);
            double term = hCur * power;
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum)) break;
            (hPrev, hCur) = (hCur, 2 * x0 * hCur - 2 * n * hPrev);
        }
        return ErfcNodes[node] - 2 / Math.Sqrt(Math.PI) * Math.Exp(-x0 * x0) * sum;
    }

    /// <summary>The error function erf(x).</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (Math.Abs(x) < 0.5) return ErfSeries(x);
        return x > 0 ? 1 - Erfc(x) : Erfc(-x) - 1;
    }

    /// <summary>The standard normal distribution function Φ(x), accurate in relative terms in the lower tail.</summary>
    public static double NormalCdf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        // Down to −4.5 the rounding of x/√2 costs at most x²·ε ≈ 2e-15 relative; beyond, evaluate in t = −x itself.
        if (x >= -4.5) return 0.5 * Erfc(-x / Math.Sqrt(2));
        if (x < -38.5) return 0;
        // Φ(−t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …)))).
        double t = -x;
        return ExpOfNegativeSquare(t, 0.5) / SqrtTwoPi / ContinuedFraction(t, 1);
    }

    // erf(x) = 2/√π · e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): all terms share the sign of x, so no cancellation.
    private static double ErfSeries(double x)
    {
        double x2 = x * x, term = x, sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum)) break;
        }
        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
    }

    // x + s/(x + 2s/(x + 3s/(x + …))), modified Lentz evaluation.
    private static double ContinuedFraction(double x, double s)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 5000; n++)
        {
            double a = n * s;
            d = x + a * d;
            if (d == 0) d = tiny;
            c = x + a / c;
            if (c == 0) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return f;
    }

    // e^{−s·x²} for s ∈ {1, ½} without the relative error s·x²·ε that rounding x² would cause in the far tail:
    // x = hi + lo with hi a multiple of 1/16, so s·hi² is exact and x² − hi² = lo·(x + hi) is small.
    private static double ExpOfNegativeSquare(double x, double s)
    {
        double hi = Math.Round(x * 16) / 16, lo = x - hi;
        return Math.Exp(-s * hi * hi) * Math.Exp(-s * lo * (x + hi));
    }

    /// <summary>
    /// The standard normal quantile Φ⁻¹(p) for p in [0, 1] (±∞ at the ends): Acklam's rational approximation
    /// (relative error 1.2e-9) refined by Halley steps on the accurate <see cref="NormalCdf"/> (usually one), which
    /// bring it to double precision.
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
        for (int step = 0; step < 3; step++)
        {
            // Halley's step on Φ(x) = p, with the error expressed relative to the density φ(x).
            double u = (NormalCdf(x) - p) / (ExpOfNegativeSquare(x, 0.5) / SqrtTwoPi);
            double next = x - u / (1 + 0.5 * x * u);
            if (Math.Abs(next - x) <= 1e-16 * Math.Abs(x)) return next;
            x = next;
        }
        return x;
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
