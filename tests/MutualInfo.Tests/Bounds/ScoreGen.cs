using CsCheck;

namespace MutualInfo.Tests.Bounds;

/// <summary>Random score matrices and vectors for the property tests.</summary>
internal static class ScoreGen
{
    /// <summary>n ∈ [2, 40], scores uniform on ±scale with scale ∈ [0.01, 30] plus an offset in [−10, 10].</summary>
    public static readonly Gen<(int N, double[] Scores)> Matrix =
        from n in Gen.Int[2, 40]
        from scale in Gen.Double[0.01, 30]
        from offset in Gen.Double[-10, 10]
        from raw in Gen.Double[-1, 1].Array[n * n]
        select (n, Scale(raw, scale, offset));

    /// <summary>A single-positive vector of length n ∈ [2, 200].</summary>
    public static readonly Gen<double[]> Vector =
        from n in Gen.Int[2, 200]
        from scale in Gen.Double[0.01, 30]
        from offset in Gen.Double[-10, 10]
        from raw in Gen.Double[-1, 1].Array[n]
        select Scale(raw, scale, offset);

    /// <summary>Matrices whose off-diagonal entries are −∞ with probability p ∈ [0, 1] (positives stay finite).</summary>
    public static readonly Gen<(int N, double[] Scores)> MatrixWithZeroDensities =
        from m in Matrix
        from p in Gen.Double[0, 1]
        from u in Gen.Double[0, 1].Array[m.N * m.N]
        select (m.N, Sprinkle(m.Scores, m.N, u, p));

    private static double[] Scale(double[] raw, double scale, double offset)
    {
        var scores = new double[raw.Length];
        for (int i = 0; i < raw.Length; i++) scores[i] = offset + scale * raw[i];
        return scores;
    }

    private static double[] Sprinkle(double[] scores, int n, double[] u, double p)
    {
        var result = (double[])scores.Clone();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j && u[i * n + j] < p) result[i * n + j] = double.NegativeInfinity;
        return result;
    }

    /// <summary>|actual − expected| ≤ 1e-9 relative (absolute near zero); infinities must match exactly.</summary>
    public static void AssertClose(double expected, double actual, double relative = 1e-9)
    {
        Assert.False(double.IsNaN(actual), "got NaN");
        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            Assert.Equal(expected, actual);
            return;
        }
        double tolerance = relative * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }
}
