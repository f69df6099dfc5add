using MutualInfo.Numerics;
using System.Buffers;
using System.Numerics.Tensors;

namespace MutualInfo.Bounds;

/// <summary>
/// α-InfoNCE, exactly Poole et al. 2019's <c>interpolated_lower_bound</c> with a constant log-baseline log a.
/// For each y_j (positive s_p = S[j,j], negatives s_k = S[k,j], k ≠ j, K = n − 1 of them):
/// joint_j = mean_{m≠j} [s_p − log(α·(e^{s_p} + Σ_{k≠j,m} e^{s_k})/K + (1−α)·a)] (leave negative m out),
/// marg_j = mean_{m≠j} e^{s_m} / (α·Σ_{k≠j} e^{s_k}/K + (1−α)·a), and the value is 1 + mean joint − mean marg.
/// α = 1 gives the leave-one-out InfoNCE with batch n − 1; α = 0 gives TUBA(a).
/// </summary>
public sealed class AlphaInfoNceBound : IBound
{
    /// <summary>The default interpolation weight α = 0.5.</summary>
    public const double DefaultAlpha = 0.5;

    /// <summary>α-InfoNCE with weight <paramref name="alpha"/> ∈ [0, 1] and baseline a = e^<paramref name="logBaseline"/>.</summary>
    public AlphaInfoNceBound(double alpha = DefaultAlpha, double logBaseline = 0.0)
    {
        if (!(alpha >= 0.0 && alpha <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie in [0, 1]");
        if (!double.IsFinite(logBaseline))
            throw new ArgumentOutOfRangeException(nameof(logBaseline), logBaseline, "log a must be finite");
        Alpha = alpha;
        LogBaseline = logBaseline;
    }

    /// <summary>The interpolation weight α (1: InfoNCE-like, 0: TUBA).</summary>
    public double Alpha { get; }

    /// <summary>The constant log-baseline log a.</summary>
    public double LogBaseline { get; }

    /// <inheritdoc/>
    public string Name => "alpha-infonce";

    /// <inheritdoc/>
    public string Label => LogBaseline == 0.0
        ? $"alpha-infonce(α={TubaBound.Format(Alpha)})"
        : $"alpha-infonce(α={TubaBound.Format(Alpha)}, log a={TubaBound.Format(LogBaseline)})";

    /// <inheritdoc/>
    public string Spec
    {
        get
        {
            string spec = Name;
            if (Alpha != DefaultAlpha) spec += $":alpha={TubaBound.Format(Alpha)}";
            if (LogBaseline != 0.0) spec += $":log_a={TubaBound.Format(LogBaseline)}";
            return spec;
        }
    }

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        if (ScoreMatrix.DiagonalMean(scores, n) == double.NegativeInfinity) return double.NegativeInfinity;
        using var work = new ColumnWork(n);
        work.FindColumnMaxima(scores);
        work.SumColumnsWithoutMaxima(scores);
        work.ComputeColumnLogSums();
        var interpolation = new Interpolation(Alpha, LogBaseline, n - 1);
        work.AccumulateLeaveOneOut(scores, interpolation);
        double joint = 0.0, marginal = 0.0;
        for (int j = 0; j < n; j++)
        {
            joint += scores[j * n + j] - work.BaselineSum[j] / (n - 1);
            marginal += interpolation.Marginal(work.NegativesLogSum[j]);
        }
        return 1.0 + joint / n - marginal / n;
    }

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores)
    {
        ScoreMatrix.CheckSingle(scores);
        double positive = scores[0];
        if (positive == double.NegativeInfinity) return double.NegativeInfinity;
        int n = scores.Length;
        var interpolation = new Interpolation(Alpha, LogBaseline, n - 1);
        int top = TensorPrimitives.IndexOfMax(scores);
        double max = scores[top];
        LogSumExp.ThrowIfIllegal(max);
        var below = scores[..top];
        var above = scores[(top + 1)..];
        // The others are summed around their own maximum, so they survive even when the top is 1000 nats higher.
        double second = Math.Max(below.IsEmpty ? double.NegativeInfinity : TensorPrimitives.Max(below),
                                 above.IsEmpty ? double.NegativeInfinity : TensorPrimitives.Max(above));
        LogSumExp.ThrowIfIllegal(second);
        double shift = second == double.NegativeInfinity ? 0.0 : second;
        double rest = LogSumExp.SumExp(below, shift) + LogSumExp.SumExp(above, shift);
        var column = ColumnLogSum.FromTopAndRest(max, shift + Math.Log(rest));
        double negativesLogSum = column.Without(positive, isTop: top == 0);
        double baselineSum = SumBaselines(scores, column, top, interpolation);
        double joint = positive - baselineSum / (n - 1);
        return 1.0 + joint - interpolation.Marginal(negativesLogSum);
    }

    /// <summary>Σ_{m≥1} log(α·e^{LSE without m}/K + (1−α)·a), vectorised in chunks.</summary>
    private static double SumBaselines(ReadOnlySpan<double> scores, ColumnLogSum column, int top, Interpolation interpolation)
    {
        const int chunk = 512;
        Span<double> buffer = stackalloc double[chunk];
        Span<double> spare = stackalloc double[chunk];
        double sum = 0.0;
        for (int start = 1; start < scores.Length; start += chunk)
        {
            int length = Math.Min(chunk, scores.Length - start);
            var leaveOut = buffer[..length];
            ColumnLogSum.WithoutEach(scores.Slice(start, length), column.Total, leaveOut);
            if (top >= start && top < start + length) leaveOut[top - start] = column.WithoutTop;
            interpolation.Baseline(leaveOut, spare[..length]);
            sum += OrderedSum.Sum(leaveOut);
        }
        return sum;
    }

    /// <summary>
    /// log(α·e^{L}/K + (1−α)·a) for the leave-one-out log sums L, and the marginal term, with α's two ends exact.
    /// </summary>
    private readonly struct Interpolation(double alpha, double logBaseline, int negatives)
    {
        private readonly double _logAlphaOverK = Math.Log(alpha) - Math.Log(negatives);
        private readonly double _logRest = Math.Log(1.0 - alpha) + logBaseline;
        private readonly double _logK = Math.Log(negatives);
        private readonly bool _pureInfoNce = alpha == 1.0;

        /// <summary>In place: values[i] ← logaddexp(log α − log K + values[i], log(1−α) + log a).</summary>
        public void Baseline(Span<double> values, Span<double> scratch)
        {
            if (_logAlphaOverK == double.NegativeInfinity)
            {
                values.Fill(_logRest);
                return;
            }
            TensorPrimitives.Add(values, _logAlphaOverK, values);
            if (_logRest == double.NegativeInfinity) return;
            // logaddexp(u, c) = max(u, c) + log1p(e^{−|u − c|}).
            TensorPrimitives.Subtract(values, _logRest, scratch);
            TensorPrimitives.Abs(scratch, scratch);
            TensorPrimitives.Negate(scratch, scratch);
            DeterministicMath.Exp(scratch, scratch);
            TensorPrimitives.Add(scratch, 1.0, scratch);
            DeterministicMath.Log(scratch, scratch);
            TensorPrimitives.Max(values, _logRest, values);
            TensorPrimitives.Add(values, scratch, values);
        }

        /// <summary>marg = (Σ_neg e^{s}/K) / (α·Σ_neg e^{s}/K + (1−α)·a) from the negatives' log sum.</summary>
        public double Marginal(double negativesLogSum)
        {
            double logMean = negativesLogSum - _logK;
            // At α = 1 the ratio is 1 for every finite column; keep that value when the negatives all vanish.
            if (logMean == double.NegativeInfinity) return _pureInfoNce ? 1.0 : 0.0;
            double denominator = LogSumExp.AddExp(_logAlphaOverK + negativesLogSum, _logRest);
            return Math.Exp(logMean - denominator);
        }
    }

    /// <summary>
    /// A column's log-sum-exp L = logaddexp(max, L without the max) and its leave-one-out variants: log(e^L − e^{s_m}) is
    /// L + log(1 − e^{s_m − L}), well conditioned for every entry but the column maximum (e^{s_m − L} ≤ ½), whose
    /// leave-out sum is computed directly around the second-largest score. The vectorised form takes log(1 − x) directly (TensorPrimitives.LogP1
    /// is log(1 + x) anyway): its absolute error stays at one ulp of 1, far below one ulp of L once added.
    /// </summary>
    private readonly struct ColumnLogSum(double total, double withoutTop)
    {
        public double Total { get; } = total;

        public double WithoutTop { get; } = withoutTop;

        /// <summary>From the column maximum and the log-sum-exp of everything else.</summary>
        public static ColumnLogSum FromTopAndRest(double max, double withoutTop) =>
            new(TotalOf(max, withoutTop), withoutTop);

        public static double TotalOf(double max, double withoutTop) => max + LogSumExp.Log1p(Math.Exp(withoutTop - max));

        public double Without(double score, bool isTop) =>
            isTop ? WithoutTop : Total + LogSumExp.Log1p(-Math.Exp(score - Total));

        /// <summary>destination[i] ← total[i] + log(1 − e^{scores[i] − total[i]}), vectorised (finite totals).</summary>
        public static void WithoutEach(ReadOnlySpan<double> scores, ReadOnlySpan<double> total, Span<double> destination)
        {
            TensorPrimitives.Subtract(scores, total, destination);
            DeterministicMath.Exp(destination, destination);
            TensorPrimitives.Subtract(1.0, destination, destination);
            DeterministicMath.Log(destination, destination);
            TensorPrimitives.Add(destination, total, destination);
        }

        /// <summary>destination[i] ← total + log(1 − e^{scores[i] − total}), vectorised (finite total).</summary>
        public static void WithoutEach(ReadOnlySpan<double> scores, double total, Span<double> destination)
        {
            TensorPrimitives.Subtract(scores, total, destination);
            DeterministicMath.Exp(destination, destination);
            TensorPrimitives.Subtract(1.0, destination, destination);
            DeterministicMath.Log(destination, destination);
            TensorPrimitives.Add(destination, total, destination);
        }
    }

    /// <summary>
    /// Pooled per-column state for the batch form. Every pass walks the row-major matrix row by row and is vectorised
    /// along the row, so column statistics never need a transpose. Columns have finite maxima because the caller has
    /// already returned for a −∞ positive (every column holds its positive).
    /// </summary>
    private ref struct ColumnWork
    {
        private readonly int _n;
        private readonly double[] _max, _second, _rest, _total, _withoutTop, _row, _spare, _negativesLogSum, _baselineSum;
        private readonly int[] _top, _groupStart, _groupColumns;

        public ColumnWork(int n)
        {
            _n = n;
            _max = Rent(n); _second = Rent(n); _rest = Rent(n); _total = Rent(n); _withoutTop = Rent(n); _row = Rent(n); _spare = Rent(n);
            _negativesLogSum = Rent(n);
            _baselineSum = Rent(n);
            _top = ArrayPool<int>.Shared.Rent(n);
            _groupStart = ArrayPool<int>.Shared.Rent(n + 1);
            _groupColumns = ArrayPool<int>.Shared.Rent(n);
        }

        /// <summary>log Σ_{k≠j} e^{S[k,j]} per column j.</summary>
        public readonly ReadOnlySpan<double> NegativesLogSum => _negativesLogSum.AsSpan(0, _n);

        /// <summary>Σ_{m≠j} log(α·e^{LSE_j without m}/K + (1−α)·a) per column j.</summary>
        public readonly ReadOnlySpan<double> BaselineSum => _baselineSum.AsSpan(0, _n);

        /// <summary>
        /// Per column: its maximum, the first row holding it and the largest of the other scores; then the columns
        /// grouped by their maximum's row.
        /// </summary>
        public readonly void FindColumnMaxima(ReadOnlySpan<double> scores)
        {
            int n = _n;
            var max = _max.AsSpan(0, n);
            var second = _second.AsSpan(0, n);
            var top = _top.AsSpan(0, n);
            scores[..n].CopyTo(max);
            second.Fill(double.NegativeInfinity);
            top.Clear();
            for (int i = 1; i < n; i++)
            {
                var row = scores.Slice(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    double score = row[j];
                    if (score > max[j])
                    {
                        second[j] = max[j];
                        max[j] = score;
                        top[j] = i;
                    }
                    else if (score > second[j])
                    {
                        second[j] = score;
                    }
                }
            }
            LogSumExp.ThrowIfIllegal(TensorPrimitives.Max(max));
            // Only −∞ seconds (nothing else in the column) need a stand-in shift; row − 0 then stays −∞.
            for (int j = 0; j < n; j++)
                if (second[j] == double.NegativeInfinity) second[j] = 0.0;
            GroupColumnsByTopRow(top);
        }

        private readonly void GroupColumnsByTopRow(ReadOnlySpan<int> top)
        {
            int n = _n;
            var start = _groupStart.AsSpan(0, n + 1);
            start.Clear();
            foreach (int row in top) start[row + 1]++;
            for (int i = 0; i < n; i++) start[i + 1] += start[i];
            Span<int> fill = _groupColumns.AsSpan(0, n);
            // Columns are visited in increasing order, so each group comes out sorted; reuse start[] as a cursor.
            for (int j = 0; j < n; j++) fill[start[top[j]]++] = j;
            for (int i = n; i > 0; i--) start[i] = start[i - 1];
            start[0] = 0;
        }

        private readonly ReadOnlySpan<int> ColumnsTopAt(int row) =>
            _groupColumns.AsSpan(_groupStart[row], _groupStart[row + 1] - _groupStart[row]);

        /// <summary>rest[j] = Σ_{k ≠ top(j)} e^{S[k,j] − second_j}: the others around their own maximum, so they stay exact.</summary>
        public readonly void SumColumnsWithoutMaxima(ReadOnlySpan<double> scores)
        {
            int n = _n;
            var second = _second.AsSpan(0, n);
            var rest = _rest.AsSpan(0, n);
            var row = _row.AsSpan(0, n);
            rest.Clear();
            for (int i = 0; i < n; i++)
            {
                TensorPrimitives.Subtract(scores.Slice(i * n, n), second, row);
                foreach (int column in ColumnsTopAt(i)) row[column] = double.NegativeInfinity;
                DeterministicMath.Exp(row, row);
                TensorPrimitives.Add(rest, row, rest);
            }
            LogSumExp.ThrowIfIllegal(OrderedSum.Sum(rest));
        }

        /// <summary>withoutTop_j = second_j + log(rest_j); total_j = logaddexp(max_j, withoutTop_j).</summary>
        public readonly void ComputeColumnLogSums()
        {
            for (int j = 0; j < _n; j++)
            {
                _withoutTop[j] = _second[j] + Math.Log(_rest[j]);
                _total[j] = ColumnLogSum.TotalOf(_max[j], _withoutTop[j]);
            }
        }

        /// <summary>For each dropped row m: the leave-m-out log sums of every column, turned into baselines and summed.</summary>
        public readonly void AccumulateLeaveOneOut(ReadOnlySpan<double> scores, Interpolation interpolation)
        {
            int n = _n;
            var total = _total.AsSpan(0, n);
            var row = _row.AsSpan(0, n);
            var spare = _spare.AsSpan(0, n);
            var baselineSum = _baselineSum.AsSpan(0, n);
            baselineSum.Clear();
            for (int m = 0; m < n; m++)
            {
                ColumnLogSum.WithoutEach(scores.Slice(m * n, n), total, row);
                foreach (int column in ColumnsTopAt(m)) row[column] = _withoutTop[column];
                // Dropping the diagonal entry leaves the negatives only: that is the marginal term's log sum.
                _negativesLogSum[m] = row[m];
                interpolation.Baseline(row, spare);
                row[m] = 0.0;
                TensorPrimitives.Add(baselineSum, row, baselineSum);
            }
        }

        public readonly void Dispose()
        {
            Return(_max); Return(_second); Return(_rest); Return(_total); Return(_withoutTop);
            Return(_row); Return(_spare); Return(_negativesLogSum); Return(_baselineSum);
            ArrayPool<int>.Shared.Return(_top);
            ArrayPool<int>.Shared.Return(_groupStart);
            ArrayPool<int>.Shared.Return(_groupColumns);
        }

        private static double[] Rent(int n) => ArrayPool<double>.Shared.Rent(n);

        private static void Return(double[] array) => ArrayPool<double>.Shared.Return(array);
    }
}
