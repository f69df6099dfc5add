using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators;

/// <summary>
/// KSG's finite-sample bias measured on Gaussian surrogates of the data: samples of the same size and dimensions
/// from N(0, R), R the correlation matrix of the data's normal scores, whose MI is known exactly. Each surrogate
/// goes through the same pipeline as the data (normal scores, then KSG); estimate − exact MI is one draw of the
/// bias. For data with a Gaussian copula this is the bias itself; otherwise it is the bias of the closest
/// Gaussian-copula model, which captures the dominant term (strong linear dependence in several dimensions).
/// </summary>
internal static class GaussianSurrogateBias
{
    /// <summary>Keeps the surrogates' random streams apart from the estimator's splits and tie noise.</summary>
    private const ulong StreamBase = 1UL << 41;

    /// <summary>
    /// Runs <paramref name="count"/> surrogates of <paramref name="scores"/> (already normal scores) through
    /// <paramref name="ksg"/> at n rows and, when <paramref name="withHalves"/>, at ⌊n/2⌋ rows (the first half of
    /// each surrogate, itself an iid sample; <see cref="SurrogateBias.HalfBias"/> is NaN otherwise).
    /// </summary>
    public static SurrogateBias Measure(PairedSamples scores, KsgEstimator ksg, int count, ulong seed, bool withHalves, Action? onSurrogate = null)
    {
        SampleValidation.RequireNonConstantColumns(scores);
        var family = new MultinormalFamily(Correlation(scores), scores.DimX);
        int n = scores.Count, m = n / 2;
        var full = new RunningMoments();
        var half = new RunningMoments();
        var halfRows = Enumerable.Range(0, m).ToArray();
        for (int j = 0; j < count; j++)
        {
            var x = new double[n * scores.DimX];
            var y = new double[n * scores.DimY];
            family.SampleJoint(Rng.ForStream(seed ^ StreamBase, (ulong)j), x, y);
            var surrogate = new PairedSamples(x, y, scores.DimX, scores.DimY);
            ulong ksgSeed = (seed ^ StreamBase) + (ulong)j + 1;
            full.Add(ksg.PointEstimate(NormalScores.Apply(surrogate, ksg.Options.Threads), ksgSeed) - family.MutualInformation);
            if (withHalves) half.Add(ksg.PointEstimate(NormalScores.Apply(surrogate.Rows(halfRows), ksg.Options.Threads), ksgSeed) - family.MutualInformation);
            onSurrogate?.Invoke();
        }
        return new SurrogateBias(family.MutualInformation, full.Mean, Math.Sqrt(full.Variance / count), withHalves ? half.Mean : double.NaN, count);
    }

    /// <summary>
    /// The correlation matrix of the columns, shrunk towards the identity just enough to be positive definite
    /// when columns are (nearly) collinear, so that the surrogate always exists.
    /// </summary>
    private static double[,] Correlation(PairedSamples s)
    {
        int d = s.DimX + s.DimY, n = s.Count;
        var columns = new double[d][];
        for (int a = 0; a < d; a++) columns[a] = Column(s, a);
        var r = new double[d, d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b <= a; b++) r[a, b] = r[b, a] = Pearson(columns[a], columns[b]);
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
                if (!double.IsFinite(r[a, b])) throw new ArgumentException($"the correlation of columns {a + 1} and {b + 1} is {r[a, b]}: a column is constant or not finite", nameof(s));
        // Bounded: at most 10 steps reach shrink = 1, where r is the identity (positive definite).
        for (double shrink = 1e-9; !IsPositiveDefinite(r, d); shrink = Math.Min(1, shrink * 10))
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) r[a, b] = a == b ? 1 : r[a, b] * (1 - shrink);
        return r;
    }

    private static bool IsPositiveDefinite(double[,] r, int d)
    {
        var flat = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++) flat[a * d + b] = r[a, b];
        return Cholesky.TryFactor(flat, d) is not null;
    }

    private static double[] Column(PairedSamples s, int a)
    {
        var (values, dim, c) = a < s.DimX ? (s.X, s.DimX, a) : (s.Y, s.DimY, a - s.DimX);
        var column = new double[s.Count];
        for (int i = 0; i < column.Length; i++) column[i] = values[i * dim + c];
        return column;
    }

    private static double Pearson(double[] u, double[] v)
    {
        double mu = u.Average(), mv = v.Average(), suv = 0, suu = 0, svv = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double du = u[i] - mu, dv = v[i] - mv;
            suv += du * dv;
            suu += du * du;
            svv += dv * dv;
        }
        return suv / Math.Sqrt(suu * svv);
    }
}
