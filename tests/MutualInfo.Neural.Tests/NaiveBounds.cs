namespace MutualInfo.Neural.Tests;

/// <summary>Independent, loop-by-loop double-precision references for the bounds (S[i,j] = f(x_i, y_j)).</summary>
internal static class NaiveBounds
{
    public static double InfoNce(double[,] s)
    {
        int n = s.GetLength(0);
        double total = 0;
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += Math.Exp(s[i, j]);
            total += s[j, j] - Math.Log(sum);
        }
        return Math.Log(n) + total / n;
    }

    public static double OffDiagonalMeanExp(double[,] s, Func<int, int, double> shift)
    {
        int n = s.GetLength(0);
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j) sum += Math.Exp(s[i, j] - shift(i, j));
        return sum / (n * (n - 1.0));
    }

    public static double DiagonalMean(double[,] s)
    {
        int n = s.GetLength(0);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += s[i, i];
        return sum / n;
    }

    public static double Nwj(double[,] s) => DiagonalMean(s) - Math.Exp(-1) * OffDiagonalMeanExp(s, (_, _) => 0);

    public static double Tuba(double[,] s, double[] logA)
    {
        int n = s.GetLength(0);
        double joint = 0;
        for (int j = 0; j < n; j++) joint += s[j, j] - logA[j];
        return 1 + joint / n - OffDiagonalMeanExp(s, (_, j) => logA[j]);
    }

    public static double Dv(double[,] s) => DiagonalMean(s) - Math.Log(OffDiagonalMeanExp(s, (_, _) => 0));

    public static double Smile(double[,] s, double tau)
    {
        int n = s.GetLength(0);
        var clipped = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) clipped[i, j] = Math.Clamp(s[i, j], -tau, tau);
        return DiagonalMean(s) - Math.Log(OffDiagonalMeanExp(clipped, (_, _) => 0));
    }

    public static double JsFGan(double[,] s)
    {
        int n = s.GetLength(0);
        double joint = 0, marginal = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i == j) joint += -Softplus(-s[i, i]);
                else marginal += Softplus(s[i, j]);
        return joint / n - marginal / (n * (n - 1.0));
    }

    public static double JsValue(double[,] s)
    {
        int n = s.GetLength(0);
        var shifted = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) shifted[i, j] = s[i, j] + 1;
        return Nwj(shifted);
    }

    /// <summary>
    /// Poole et al.'s interpolated bound written per positive y_j: the baseline for pair (x_k, y_j) against positive
    /// x_j is m_j(k) = α · mean_{l≠k} e^{S[l,j]} + (1 − α) · a(y_j), i.e. the leave-one-out mean holding out x_k.
    /// </summary>
    public static double AlphaInfoNce(double[,] s, double[] logA, double alpha)
    {
        int n = s.GetLength(0);
        double Baseline(int held, int j)
        {
            double sum = 0;
            for (int l = 0; l < n; l++) if (l != held) sum += Math.Exp(s[l, j]);
            return Math.Log(alpha * sum / (n - 1) + (1 - alpha) * Math.Exp(logA[j]));
        }
        double joint = 0, marginal = 0;
        for (int j = 0; j < n; j++)
        {
            double own = Baseline(j, j);
            for (int k = 0; k < n; k++)
            {
                if (k == j) continue;
                joint += s[j, j] - Baseline(k, j);
                marginal += Math.Exp(s[k, j] - own);
            }
        }
        return 1 + joint / (n * (n - 1.0)) - marginal / (n * (n - 1.0));
    }

    private static double Softplus(double x) => x > 0 ? x + double.LogP1(Math.Exp(-x)) : double.LogP1(Math.Exp(x));
}
