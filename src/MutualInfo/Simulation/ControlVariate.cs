using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>
/// The control-variate (regression) estimator of a mean: with trial values v_t and a control c_t of known mean μ,
/// v̂ = v̄ − β(c̄ − μ) with β = Σ(v − v̄)(c − c̄) / Σ(c − c̄)², the least-squares fit of v on c read off at c = μ.
/// Its SE is that of the fitted line at μ: s·√(1/T + (c̄ − μ)²/Σ(c − c̄)²) with s² = RSS/(T − 2), which includes
/// the uncertainty of β. Estimating β costs a bias of order 1/T, far below the SE for the trial counts used here.
/// </summary>
internal static class ControlVariate
{
    /// <summary>
    /// The estimate and β, or null when it does not apply: fewer than 3 trials, a non-finite value or control, or a
    /// control without spread.
    /// </summary>
    public static (MeanEstimate Estimate, double Coefficient)? Estimate(ReadOnlySpan<double> values, ReadOnlySpan<double> controls, double knownMean)
    {
        if (values.Length != controls.Length) throw new ArgumentException($"{values.Length} values but {controls.Length} controls", nameof(controls));
        int t = values.Length;
        if (t < 3 || !double.IsFinite(knownMean)) return null;
        double sumV = 0, sumC = 0;
        for (int i = 0; i < t; i++)
        {
            if (!double.IsFinite(values[i]) || !double.IsFinite(controls[i])) return null;
            sumV += values[i];
            sumC += controls[i];
        }
        double meanV = sumV / t, meanC = sumC / t;
        double scc = 0, svc = 0;
        for (int i = 0; i < t; i++)
        {
            double dc = controls[i] - meanC;
            scc += dc * dc;
            svc += (values[i] - meanV) * dc;
        }
        if (!(scc > 0)) return null;
        double beta = svc / scc, rss = 0;
        for (int i = 0; i < t; i++)
        {
            double residual = values[i] - meanV - beta * (controls[i] - meanC);
            rss += residual * residual;
        }
        double offset = meanC - knownMean;
        double mean = meanV - beta * offset;
        double se = Math.Sqrt(rss / (t - 2) * (1.0 / t + offset * offset / scc));
        return (MeanEstimate.FromMoments(mean, se, t), beta);
    }

    /// <summary>Lower Cholesky factor in place; a pivot below 1e-10 (unit-spread columns) marks the column unused.</summary>
    internal static bool[] CholeskyInPlace(double[,] a, int k)
    {
        var used = new bool[k];
        for (int j = 0; j < k; j++)
        {
            double pivot = a[j, j];
            for (int p = 0; p < j; p++) if (used[p]) pivot -= a[j, p] * a[j, p];
            if (!(pivot > 1e-10))
            {
                for (int i = j; i < k; i++) a[i, j] = 0;
                continue;
            }
            used[j] = true;
            double root = Math.Sqrt(pivot);
            a[j, j] = root;
            for (int i = j + 1; i < k; i++)
            {
                double x = a[i, j];
                for (int p = 0; p < j; p++) if (used[p]) x -= a[i, p] * a[j, p];
                a[i, j] = x / root;
            }
        }
        return used;
    }

    /// <summary>
    /// Solves L Lᵀ x = b over the used columns among the first <paramref name="count"/> (unused ones get 0): the
    /// leading count × count block of L is the factor of the leading block of the matrix.
    /// </summary>
    internal static double[] Solve(double[,] l, bool[] used, double[] b, int count)
    {
        int k = count;
        var z = new double[k];
        for (int i = 0; i < k; i++)
        {
            if (!used[i]) continue;
            double x = b[i];
            for (int p = 0; p < i; p++) if (used[p]) x -= l[i, p] * z[p];
            z[i] = x / l[i, i];
        }
        var result = new double[k];
        for (int i = k - 1; i >= 0; i--)
        {
            if (!used[i]) continue;
            double x = z[i];
            for (int p = i + 1; p < k; p++) if (used[p]) x -= l[p, i] * result[p];
            result[i] = x / l[i, i];
        }
        return result;
    }
}
