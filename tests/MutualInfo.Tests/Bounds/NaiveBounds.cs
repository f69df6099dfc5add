using MutualInfo.Bounds;

namespace MutualInfo.Tests.Bounds;

/// <summary>
/// Independent, deliberately plain reference formulas (loops, Math.Exp/Math.Log, no max subtraction), valid for
/// moderate scores. S(i, j) = s[i*n + j]; single form: v[0] positive, v[1..] negatives.
/// </summary>
internal static class NaiveBounds
{
    private static double At(double[] s, int n, int i, int j) => s[i * n + j];

    private static double DiagonalMean(double[] s, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += At(s, n, i, i);
        return sum / n;
    }

    private static double OffDiagonalMeanExp(double[] s, int n, Func<double, double> transform)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j) sum += Math.Exp(transform(At(s, n, i, j)));
        return sum / (n * (n - 1.0));
    }

    private static double NegativesMeanExp(double[] v, Func<double, double> transform)
    {
        double sum = 0;
        for (int k = 1; k < v.Length; k++) sum += Math.Exp(transform(v[k]));
        return sum / (v.Length - 1);
    }

    public static double InfoNce(double[] s, int n)
    {
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            double z = 0;
            for (int i = 0; i < n; i++) z += Math.Exp(At(s, n, i, j));
            sum += At(s, n, j, j) - Math.Log(z);
        }
        return Math.Log(n) + sum / n;
    }

    public static double InfoNce(double[] v)
    {
        double z = 0;
        foreach (double x in v) z += Math.Exp(x);
        return Math.Log(v.Length) + v[0] - Math.Log(z);
    }

    public static double Nwj(double[] s, int n) => DiagonalMean(s, n) - Math.Exp(-1) * OffDiagonalMeanExp(s, n, x => x);

    public static double Nwj(double[] v) => v[0] - Math.Exp(-1) * NegativesMeanExp(v, x => x);

    public static double Tuba(double[] s, int n, double logA) =>
        1 + DiagonalMean(s, n) - logA - OffDiagonalMeanExp(s, n, x => x - logA);

    public static double Tuba(double[] v, double logA) => 1 + v[0] - logA - NegativesMeanExp(v, x => x - logA);

    public static double Dv(double[] s, int n) => DiagonalMean(s, n) - Math.Log(OffDiagonalMeanExp(s, n, x => x));

    public static double Dv(double[] v) => v[0] - Math.Log(NegativesMeanExp(v, x => x));

    public static double Smile(double[] s, int n, double tau) =>
        DiagonalMean(s, n) - Math.Log(OffDiagonalMeanExp(s, n, x => Math.Min(Math.Max(x, -tau), tau)));

    public static double Smile(double[] v, double tau) =>
        v[0] - Math.Log(NegativesMeanExp(v, x => Math.Min(Math.Max(x, -tau), tau)));

    public static double JsReported(double[] s, int n) =>
        DiagonalMean(s, n) + 1 - Math.Exp(-1) * OffDiagonalMeanExp(s, n, x => x + 1);

    public static double JsObjective(double[] s, int n)
    {
        double positives = 0, negatives = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i == j) positives += -Math.Log(1 + Math.Exp(-At(s, n, i, j)));
                else negatives += Math.Log(1 + Math.Exp(At(s, n, i, j)));
        return positives / n - negatives / (n * (n - 1.0));
    }

    public static double LooUpper(double[] s, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int j = 0; j < n; j++)
                if (j != i) z += Math.Exp(At(s, n, j, i));
            sum += At(s, n, i, i) - Math.Log(z / (n - 1));
        }
        return sum / n;
    }

    /// <summary>CLUB: diagonal mean minus off-diagonal mean (a −∞ positive gives −∞, else a −∞ negative gives +∞).</summary>
    public static double Club(double[] s, int n)
    {
        double diagonal = DiagonalMean(s, n);
        if (diagonal == double.NegativeInfinity) return diagonal;
        var negatives = new List<double>();
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (i != j) negatives.Add(At(s, n, i, j));
        return diagonal - negatives.Average();
    }

    public static double Club(double[] v) => v[0] == double.NegativeInfinity ? v[0] : v[0] - v.Skip(1).Average();

    public static double MeanField(double[] s, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double p = At(s, n, i, i);
            sum += p - Math.Log(Math.Exp(p) + (n - 1));
        }
        return Math.Log(n) + sum / n;
    }

    public static double MeanField(double[] v) => Math.Log(v.Length) + v[0] - Math.Log(Math.Exp(v[0]) + (v.Length - 1));

    /// <summary>Poole et al.'s interpolated bound, term by term as written in the brief.</summary>
    public static double AlphaInfoNce(double[] s, int n, double alpha, double logA)
    {
        double joint = 0, marginal = 0;
        for (int j = 0; j < n; j++)
        {
            var column = new double[n];
            column[0] = At(s, n, j, j);
            int next = 1;
            for (int k = 0; k < n; k++)
                if (k != j) column[next++] = At(s, n, k, j);
            var (jointTerm, marginalTerm) = AlphaTerms(column, alpha, logA);
            joint += jointTerm;
            marginal += marginalTerm;
        }
        return 1 + joint / n - marginal / n;
    }

    public static double AlphaInfoNce(double[] v, double alpha, double logA)
    {
        var (joint, marginal) = AlphaTerms(v, alpha, logA);
        return 1 + joint - marginal;
    }

    private static (double Joint, double Marginal) AlphaTerms(double[] v, double alpha, double logA)
    {
        int negatives = v.Length - 1;
        double a = Math.Exp(logA);
        double joint = 0, marginal = 0, negativeSum = 0;
        for (int k = 1; k < v.Length; k++) negativeSum += Math.Exp(v[k]);
        double marginalDenominator = alpha * negativeSum / negatives + (1 - alpha) * a;
        for (int m = 1; m < v.Length; m++)
        {
            double leaveOut = Math.Exp(v[0]);
            for (int k = 1; k < v.Length; k++)
                if (k != m) leaveOut += Math.Exp(v[k]);
            joint += v[0] - Math.Log(alpha * leaveOut / negatives + (1 - alpha) * a);
            marginal += Math.Exp(v[m]) / marginalDenominator;
        }
        return (joint / negatives, marginal / negatives);
    }

    /// <summary>InfoNCE with batch n − 1 averaged over which negative is dropped (the α = 1 limit).</summary>
    public static double LeaveOneOutInfoNce(double[] v)
    {
        double sum = 0;
        for (int m = 1; m < v.Length; m++)
        {
            double z = 0;
            for (int k = 0; k < v.Length; k++)
                if (k != m) z += Math.Exp(v[k]);
            sum += Math.Log(v.Length - 1) + v[0] - Math.Log(z);
        }
        return sum / (v.Length - 1);
    }

    /// <summary>Column j of S as a single-positive vector: the positive S[j,j] first, then S[k,j], k ≠ j.</summary>
    public static double[] Column(double[] s, int n, int j)
    {
        var column = new double[n];
        column[0] = At(s, n, j, j);
        int next = 1;
        for (int k = 0; k < n; k++)
            if (k != j) column[next++] = At(s, n, k, j);
        return column;
    }

    /// <summary>The reference value of <paramref name="bound"/> on an n×n batch.</summary>
    public static double ForBatch(IBound bound, double[] s, int n) => bound switch
    {
        InfoNceBound => InfoNce(s, n),
        NwjBound => Nwj(s, n),
        TubaBound t => Tuba(s, n, t.LogBaseline),
        DonskerVaradhanBound or MineBound => Dv(s, n),
        SmileBound b => Smile(s, n, b.Tau),
        JensenShannonBound => JsReported(s, n),
        AlphaInfoNceBound a => AlphaInfoNce(s, n, a.Alpha, a.LogBaseline),
        LeaveOneOutUpperBound => LooUpper(s, n),
        MeanFieldBound => MeanField(s, n),
        ClubBound => Club(s, n),
        _ => throw new ArgumentException(bound.Name),
    };

    /// <summary>The reference value of <paramref name="bound"/> on a single-positive vector.</summary>
    public static double ForSingle(IBound bound, double[] v) => bound switch
    {
        InfoNceBound => InfoNce(v),
        NwjBound => Nwj(v),
        TubaBound t => Tuba(v, t.LogBaseline),
        DonskerVaradhanBound or MineBound or LeaveOneOutUpperBound => Dv(v),
        SmileBound b => Smile(v, b.Tau),
        JensenShannonBound => Tuba(v, 0.0),
        AlphaInfoNceBound a => AlphaInfoNce(v, a.Alpha, a.LogBaseline),
        MeanFieldBound => MeanField(v),
        ClubBound => Club(v),
        _ => throw new ArgumentException(bound.Name),
    };
}
