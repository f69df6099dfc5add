namespace MutualInfo.Simulation;

/// <summary>
/// Sums over the trials of one fold (or a union of folds) — count, Σv, Σc, Σccᵀ, Σcv, Σv² — from which least-squares
/// slopes of v on nested prefixes of the controls c, and held-out squared residuals, follow in O(k²) without another
/// pass over the trials. Values and controls are shifted by their overall means first (a constant shift changes
/// neither the slopes nor the spread of v − βᵀc, and keeps the sums well conditioned).
/// </summary>
internal sealed class FoldSums
{
    private readonly int _k;
    private readonly double[] _sumC, _sumCv;
    private readonly double[,] _sumCc;
    private double _count, _sumV, _sumVv;

    private FoldSums(int k)
    {
        _k = k;
        _sumC = new double[k];
        _sumCv = new double[k];
        _sumCc = new double[k, k];
    }

    /// <summary>The sums of each fold (trial t in fold t mod folds) over the first k controls.</summary>
    public static FoldSums[] Compute(ReadOnlySpan<double> values, IReadOnlyList<double[]> controls, int k, int folds)
    {
        int t = values.Length;
        double shiftV = 0;
        foreach (double v in values) shiftV += v;
        shiftV /= t;
        var shiftC = new double[k];
        for (int j = 0; j < k; j++) shiftC[j] = controls[j].Average();
        var sums = Enumerable.Range(0, folds).Select(_ => new FoldSums(k)).ToArray();
        var c = new double[k];
        for (int i = 0; i < t; i++)
        {
            FoldSums s = sums[i % folds];
            double v = values[i] - shiftV;
            for (int j = 0; j < k; j++) c[j] = controls[j][i] - shiftC[j];
            s._count++;
            s._sumV += v;
            s._sumVv += v * v;
            for (int a = 0; a < k; a++)
            {
                s._sumC[a] += c[a];
                s._sumCv[a] += c[a] * v;
                for (int b = 0; b <= a; b++) s._sumCc[a, b] += c[a] * c[b];
            }
        }
        return sums;
    }

    /// <summary>The sums over the union of the given folds.</summary>
    public static FoldSums Combine(FoldSums[] folds, IEnumerable<int> which)
    {
        var total = new FoldSums(folds[0]._k);
        foreach (int f in which)
        {
            FoldSums s = folds[f];
            total._count += s._count;
            total._sumV += s._sumV;
            total._sumVv += s._sumVv;
            for (int a = 0; a < total._k; a++)
            {
                total._sumC[a] += s._sumC[a];
                total._sumCv[a] += s._sumCv[a];
                for (int b = 0; b <= a; b++) total._sumCc[a, b] += s._sumCc[a, b];
            }
        }
        return total;
    }

    /// <summary>
    /// Least-squares slopes (with an intercept) on the first k controls for each k of <paramref name="counts"/>; one
    /// Cholesky factor of the correlation matrix serves every prefix (a leading block's factor is the factor's leading
    /// block). A control numerically collinear with the ones before it gets 0.
    /// </summary>
    public double[][] Slopes(IReadOnlyList<int> counts)
    {
        int k = counts.Count == 0 ? 0 : counts.Max();
        var scale = new double[k];
        var correlation = new double[k, k];
        var cross = new double[k];
        double meanV = _sumV / _count;
        for (int a = 0; a < k; a++)
        {
            double variance = _sumCc[a, a] - _sumC[a] * _sumC[a] / _count;
            scale[a] = variance > 0 ? 1 / Math.Sqrt(variance) : 0;
        }
        for (int a = 0; a < k; a++)
        {
            cross[a] = (_sumCv[a] - _sumC[a] * meanV) * scale[a];
            for (int b = 0; b <= a; b++) correlation[a, b] = (_sumCc[a, b] - _sumC[a] * _sumC[b] / _count) * scale[a] * scale[b];
        }
        bool[] used = ControlVariate.CholeskyInPlace(correlation, k);
        return counts.Select(count =>
        {
            double[] solved = ControlVariate.Solve(correlation, used, cross, count);
            var beta = new double[count];
            for (int j = 0; j < count; j++) beta[j] = used[j] ? solved[j] * scale[j] : 0;
            return beta;
        }).ToArray();
    }

    /// <summary>Σ (r − r̄)² over these trials of r = v − βᵀc (β over the first β.Length controls).</summary>
    public double HeldOutSquares(double[] beta)
    {
        double sumR = _sumV, sumRr = _sumVv;
        for (int a = 0; a < beta.Length; a++)
        {
            sumR -= beta[a] * _sumC[a];
            sumRr -= 2 * beta[a] * _sumCv[a];
            for (int b = 0; b < beta.Length; b++)
                sumRr += beta[a] * beta[b] * (a >= b ? _sumCc[a, b] : _sumCc[b, a]);
        }
        return sumRr - sumR * sumR / _count;
    }
}
