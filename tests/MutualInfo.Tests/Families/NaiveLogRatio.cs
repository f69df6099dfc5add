using MutualInfo.Families;
using MutualInfo.Numerics;

namespace MutualInfo.Tests.Families;

/// <summary>
/// Reference log r(x, y) = log p(x, y) − log p(x) − log p(y) written directly from the textbook densities,
/// sharing no code with the families (apart from ln Γ, which is tested on its own).
/// </summary>
internal static class NaiveLogRatio
{
    public static double Of(IKnownMiFamily family, double[] x, double[] y) => family switch
    {
        GaussianFamily g => Gaussian(g.Dim, g.Rho, x, y),
        MultinormalFamily m => Multinormal(MultinormalCovariance(m), m.DimX, x, y),
        StudentTFamily t => StudentT(t.DegreesOfFreedom, x, y),
        UniformAdditiveFamily u => UniformAdditive(u.Eps, x[0], y[0]),
        DiscreteFamily d => Discrete(d.Table, x[0], y[0]),
        TransformedFamily tr => Of(tr.Inner, Invert(tr.XMap, x), Invert(tr.YMap, y)),
        SpiralFamily sp => Of(sp.Inner, Unspiral(sp.XMap, x), Unspiral(sp.YMap, y)),
        _ => throw new NotSupportedException(family.Name),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, double[,]> Covariances = new();

    /// <summary>Registers the covariance a multinormal test family was built from.</summary>
    public static MultinormalFamily Register(MultinormalFamily family, double[,] covariance)
    {
        Covariances[family.Name] = covariance;
        return family;
    }

    private static double[,] MultinormalCovariance(MultinormalFamily m) => Covariances[m.Name];

    private static double[] Invert(CoordinateMap? map, double[] v) => map is null ? v : v.Select(map.Inverse).ToArray();

    // The spiral keeps the norm, so its pre-image is the rotation of w by −speed·‖w‖² in the map's plane.
    private static double[] Unspiral(SpiralMap? map, double[] w)
    {
        if (map is null) return w;
        double angle = -map.Speed * w.Sum(v => v * v);
        var v = (double[])w.Clone();
        v[map.First] = Math.Cos(angle) * w[map.First] - Math.Sin(angle) * w[map.Second];
        v[map.Second] = Math.Sin(angle) * w[map.First] + Math.Cos(angle) * w[map.Second];
        return v;
    }

    // p(x, y) = p(x) p(y | x) with Y | X = x ~ N(ρx, (1 − ρ²) I).
    private static double Gaussian(int d, double rho, double[] x, double[] y)
    {
        double s2 = 1 - rho * rho, logCond = 0, logY = 0;
        for (int k = 0; k < d; k++)
        {
            logCond += -0.5 * Math.Log(2 * Math.PI * s2) - (y[k] - rho * x[k]) * (y[k] - rho * x[k]) / (2 * s2);
            logY += -0.5 * Math.Log(2 * Math.PI) - y[k] * y[k] / 2;
        }
        return logCond - logY;
    }

    private static double Multinormal(double[,] cov, int dx, double[] x, double[] y)
    {
        int n = cov.GetLength(0), dy = n - dx;
        var joint = x.Concat(y).ToArray();
        return GaussianLogDensity(cov, joint) - GaussianLogDensity(SubMatrix(cov, 0, dx), x) - GaussianLogDensity(SubMatrix(cov, dx, dy), y);
    }

    private static double[,] SubMatrix(double[,] m, int start, int size)
    {
        var s = new double[size, size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
                s[i, j] = m[start + i, start + j];
        return s;
    }

    // Gauss–Jordan elimination with partial pivoting: solves Σ w = v and accumulates the determinant.
    private static double GaussianLogDensity(double[,] cov, double[] v)
    {
        int n = v.Length;
        var a = (double[,])cov.Clone();
        var b = (double[])v.Clone();
        double logDet = 0;
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            for (int c = 0; c < n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            logDet += Math.Log(Math.Abs(a[col, col]));
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = a[r, col] / a[col, col];
                for (int c = 0; c < n; c++) a[r, c] -= f * a[col, c];
                b[r] -= f * b[col];
            }
        }
        double quad = 0;
        for (int i = 0; i < n; i++) quad += v[i] * b[i] / a[i, i];
        return -0.5 * (n * Math.Log(2 * Math.PI) + logDet + quad);
    }

    private static double StudentTLogDensity(double nu, double[] t)
    {
        int k = t.Length;
        double s = t.Sum(v => v * v);
        return SpecialFunctions.LogGamma((nu + k) / 2) - SpecialFunctions.LogGamma(nu / 2) - k / 2.0 * Math.Log(nu * Math.PI)
               - (nu + k) / 2 * Math.Log(1 + s / nu);
    }

    private static double StudentT(double nu, double[] x, double[] y) =>
        StudentTLogDensity(nu, x.Concat(y).ToArray()) - StudentTLogDensity(nu, x) - StudentTLogDensity(nu, y);

    // p(y) = (F(y + ε) − F(y − ε)) / (2ε): the density of X + U(−ε, ε) through the U(0, 1) distribution function F.
    private static double UniformAdditive(double eps, double x, double y)
    {
        bool joint = x >= 0 && x <= 1 && Math.Abs(y - x) <= eps;
        if (!joint) return double.NegativeInfinity;
        static double F(double t) => Math.Clamp(t, 0, 1);
        double py = (F(y + eps) - F(y - eps)) / (2 * eps);
        return Math.Log(1 / (2 * eps)) - Math.Log(py);
    }

    private static double Discrete(double[,] table, double x, double y)
    {
        int r = (int)x, c = (int)y;
        double px = 0, py = 0;
        for (int j = 0; j < table.GetLength(1); j++) px += table[r, j];
        for (int i = 0; i < table.GetLength(0); i++) py += table[i, c];
        return Math.Log(table[r, c]) - Math.Log(px) - Math.Log(py);
    }
}
