using MutualInfo.Numerics;
using System.Buffers;
using System.Numerics.Tensors;

namespace MutualInfo.Bounds;

/// <summary>
/// Max-subtracted log-sum-exp and log-mean-exp kernels shared by every bound: over a span, over the off-diagonal of a
/// row-major n×n matrix, and per column of that matrix (vectorised across each row, never transposing).
/// </summary>
internal static class LogSumExp
{

    /// <summary>Scores are log densities: finite or −∞. NaN and +∞ would silently poison every sum.</summary>
    public static void ThrowIfIllegal(double score)
    {
        if (double.IsNaN(score) || double.IsPositiveInfinity(score))
            throw new ArgumentException($"scores must be finite or −∞, got {score}");
    }

    /// <summary>log Σ exp(x).</summary>
    public static double Of(ReadOnlySpan<double> x)
    {
        var acc = new LogSumExpAccumulator();
        acc.Add(x);
        return acc.Result;
    }

    /// <summary>log mean exp(x).</summary>
    public static double MeanOf(ReadOnlySpan<double> x) => Of(x) - Math.Log(x.Length);

    /// <summary>log mean exp(clamp(x, lo, hi)).</summary>
    public static double MeanOfClamped(ReadOnlySpan<double> x, double lo, double hi)
    {
        var acc = new LogSumExpAccumulator();
        acc.AddClamped(x, lo, hi);
        return acc.Result - Math.Log(x.Length);
    }

    /// <summary>log(exp(a) + exp(b)), exact when either is −∞.</summary>
    public static double AddExp(double a, double b)
    {
        double max = Math.Max(a, b);
        if (max == double.NegativeInfinity) return double.NegativeInfinity;
        return max + Log1p(Math.Exp(Math.Min(a, b) - max));
    }

    /// <summary>log(1 + u), accurate for tiny u (Goldberg's correction; Math has no log1p).</summary>
    public static double Log1p(double u)
    {
        double w = 1.0 + u;
        return w == 1.0 ? u : Math.Log(w) * u / (w - 1.0);
    }

    /// <summary>positive − baseline, where a −∞ positive wins even against a −∞ baseline (no −∞ − −∞ = NaN).</summary>
    public static double PositiveMinus(double positive, double baseline) =>
        positive == double.NegativeInfinity ? double.NegativeInfinity : positive - baseline;

    /// <summary>Σ exp(x − shift) for a finite shift.</summary>
    public static double SumExp(ReadOnlySpan<double> x, double shift) => DeterministicMath.SumExp(x, shift);

    /// <summary>Σ exp(clamp(x, lo, hi) − shift).</summary>
    public static double SumExpClamped(ReadOnlySpan<double> x, double shift, double lo, double hi) =>
        DeterministicMath.SumExp(x, shift, lo, hi);

    /// <summary>log mean exp over the n(n − 1) off-diagonal entries of a row-major n×n matrix.</summary>
    public static double OffDiagonalMean(ReadOnlySpan<double> scores, int n)
    {
        var acc = new LogSumExpAccumulator();
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * n, n);
            acc.Add(row[..i]);
            acc.Add(row[(i + 1)..]);
        }
        return acc.Result - Math.Log((double)n * (n - 1));
    }

    /// <summary>log mean exp of clamp(S, lo, hi) over the off-diagonal entries.</summary>
    public static double OffDiagonalMeanClamped(ReadOnlySpan<double> scores, int n, double lo, double hi)
    {
        var acc = new LogSumExpAccumulator();
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * n, n);
            acc.AddClamped(row[..i], lo, hi);
            acc.AddClamped(row[(i + 1)..], lo, hi);
        }
        return acc.Result - Math.Log((double)n * (n - 1));
    }

    /// <summary>
    /// lse[j] = log Σ_i exp(S[i,j]) (skipping i = j when <paramref name="excludeDiagonal"/>): a running column max
    /// over the rows, then Σ exp(row − colmax) accumulated per column, both vectorised along each row.
    /// </summary>
    public static void Columns(ReadOnlySpan<double> scores, int n, bool excludeDiagonal, Span<double> lse)
    {
        double[] rentedShift = ArrayPool<double>.Shared.Rent(n);
        double[] rentedSum = ArrayPool<double>.Shared.Rent(n);
        double[] rentedRow = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var shift = rentedShift.AsSpan(0, n);
            var sum = rentedSum.AsSpan(0, n);
            var row = rentedRow.AsSpan(0, n);
            ColumnMax(scores, n, excludeDiagonal, shift);
            ThrowIfIllegal(TensorPrimitives.Max(shift));
            // A column that is −∞ throughout gets shift 0 so that row − shift stays −∞ (not −∞ − −∞ = NaN).
            for (int j = 0; j < n; j++)
                if (shift[j] == double.NegativeInfinity) shift[j] = 0.0;
            sum.Clear();
            for (int i = 0; i < n; i++)
            {
                TensorPrimitives.Subtract(scores.Slice(i * n, n), shift, row);
                if (excludeDiagonal) row[i] = double.NegativeInfinity;
                DeterministicMath.Exp(row, row);
                TensorPrimitives.Add(sum, row, sum);
            }
            DeterministicMath.Log(sum, lse);
            TensorPrimitives.Add(lse, shift, lse);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rentedRow);
            ArrayPool<double>.Shared.Return(rentedSum);
            ArrayPool<double>.Shared.Return(rentedShift);
        }
    }

    private static void ColumnMax(ReadOnlySpan<double> scores, int n, bool excludeDiagonal, Span<double> max)
    {
        max.Fill(double.NegativeInfinity);
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * n, n);
            if (excludeDiagonal)
            {
                TensorPrimitives.Max(max[..i], row[..i], max[..i]);
                TensorPrimitives.Max(max[(i + 1)..], row[(i + 1)..], max[(i + 1)..]);
            }
            else
            {
                TensorPrimitives.Max(max, row, max);
            }
        }
    }
}
