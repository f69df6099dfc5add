namespace MutualInfo.Families;

/// <summary>
/// Root of an increasing function inside a bracket: Newton steps while they stay inside the (shrinking) bracket,
/// bisection otherwise. Always terminates (bounded iterations) and never leaves the bracket, so a bad derivative
/// can slow it down but never make it diverge.
/// </summary>
internal static class MonotoneSolver
{
    private const int MaxIterations = 200;

    /// <summary>The t in [<paramref name="lo"/>, <paramref name="hi"/>] with g(t) = 0, for g increasing with g(lo) ≤ 0 ≤ g(hi).</summary>
    /// <param name="g">Increasing function.</param>
    /// <param name="slope">Its derivative (used only to propose Newton steps).</param>
    /// <param name="lo">Lower end of the bracket.</param>
    /// <param name="hi">Upper end of the bracket.</param>
    public static double Solve(Func<double, double> g, Func<double, double> slope, double lo, double hi)
    {
        double t = 0.5 * (lo + hi);
        for (int i = 0; i < MaxIterations; i++)
        {
            double value = g(t);
            if (value == 0) return t;
            if (value < 0) lo = t; else hi = t;
            double next = t - value / slope(t);
            // Newton's proposal is accepted only strictly inside the bracket; otherwise bisect.
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (next == t || hi - lo <= 2e-16 * Math.Max(1, Math.Abs(t))) return next;
            t = next;
        }
        return t;
    }
}
