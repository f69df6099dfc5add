using MutualInfo.Numerics;
using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// A batch of n pairs from P_XY scored all-against-all without ever holding the n×n matrix: rows are scored in
/// blocks and folded into a per-column summary — the positive S[j,j] and an online log-sum-exp of the negatives
/// (running column maximum, rescaled when it grows, as in streaming softmax). Memory is O(block · n) and each pair
/// costs one exponential, so every <see cref="IColumnSummaryBound"/> is evaluated from one pass. Families with a fused
/// summary (<see cref="IColumnSummaryFamily"/>) do the whole pass themselves when the critic is exact; an imperfect
/// critic is applied to each block as it is scored. Writes one value per bound, then the control (the mean of the
/// exact log r over the diagonal).
/// </summary>
internal sealed class StreamingInBatchTrial : ITrial
{
    private const int BlockRows = 64;

    private readonly IKnownMiFamily _family;
    private readonly IColumnSummaryBound[] _bounds;
    private readonly CriticSpec _critic;
    private readonly int _n;
    private readonly double[] _x, _y;
    private double[]? _block;
    private readonly double[] _max, _shift, _sum, _scratch;
    private readonly double[] _positives, _negatives, _shiftedPositives, _shiftedNegatives;
    private double _exactDiagonalSum;

    public StreamingInBatchTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, int n, CriticSpec? critic = null)
    {
        _family = family;
        _bounds = bounds.Cast<IColumnSummaryBound>().ToArray();
        _critic = critic ?? CriticSpec.Exact;
        _n = n;
        _x = new double[n * family.DimX];
        _y = new double[n * family.DimY];
        (_max, _shift, _sum, _scratch) = (new double[n], new double[n], new double[n], new double[n]);
        (_positives, _negatives) = (new double[n], new double[n]);
        (_shiftedPositives, _shiftedNegatives) = (new double[n], new double[n]);
    }

    /// <summary>Whether every bound can be evaluated from the column summary.</summary>
    public static bool Supports(IReadOnlyList<IBound> bounds) => bounds.All(b => b is IColumnSummaryBound);

    public void Run(Rng rng, Span<double> values)
    {
        _family.SampleJoint(rng, _x, _y);
        if (_critic.IsExact && _family is IColumnSummaryFamily fused && fused.TrySummariseColumns(_x, _y, _positives, _negatives))
            _exactDiagonalSum = Sum(_positives);
        else SummariseColumns(rng);
        values[_bounds.Length] = _exactDiagonalSum / _n;
        for (int b = 0; b < _bounds.Length; b++)
        {
            double c = _bounds[b].OptimalCriticShift;
            TensorPrimitives.Add(_positives, c, _shiftedPositives);
            TensorPrimitives.Add(_negatives, c, _shiftedNegatives);
            values[b] = _bounds[b].EvaluateFromColumns(_shiftedPositives, _shiftedNegatives);
        }
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum;
    }

    private void SummariseColumns(Rng rng)
    {
        _exactDiagonalSum = 0;
        Array.Fill(_max, double.NegativeInfinity);
        Array.Clear(_shift);
        Array.Clear(_sum);
        int dimX = _family.DimX;
        // Only the general path needs the 64-row block; fused families never touch it.
        _block ??= new double[BlockRows * _n];
        for (int first = 0; first < _n; first += BlockRows)
        {
            int rows = Math.Min(BlockRows, _n - first);
            Span<double> block = _block.AsSpan(0, rows * _n);
            _family.LogRatioMatrix(_x.AsSpan(first * dimX, rows * dimX), _y, block);
            for (int r = 0; r < rows; r++) _exactDiagonalSum += block[r * _n + first + r];
            if (!_critic.IsExact) _critic.ApplyToBlock(block, _n, _y, _family.DimY, rng);
            TakePositives(block, first, rows);
            RaiseColumnMaxima(block, rows);
            for (int r = 0; r < rows; r++) AddExponentials(block.Slice(r * _n, _n));
        }
        for (int j = 0; j < _n; j++)
            _negatives[j] = _sum[j] > 0 ? _shift[j] + Math.Log(_sum[j]) : double.NegativeInfinity;
    }

    /// <summary>Moves each row's diagonal entry out of the block (replaced by −∞, i.e. excluded from the negatives).</summary>
    private void TakePositives(Span<double> block, int first, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            int i = first + r;
            _positives[i] = block[r * _n + i];
            block[r * _n + i] = double.NegativeInfinity;
        }
    }

    /// <summary>
    /// Raises the running column maxima to cover this block, rescaling each affected column's sum so that
    /// _sum[j] · e^{_shift[j]} is unchanged; _shift is the maximum, or 0 while a column has seen only −∞.
    /// </summary>
    private void RaiseColumnMaxima(ReadOnlySpan<double> block, int rows)
    {
        Span<double> blockMax = _scratch;
        block[.._n].CopyTo(blockMax);
        for (int r = 1; r < rows; r++) TensorPrimitives.Max(block.Slice(r * _n, _n), blockMax, blockMax);
        for (int j = 0; j < _n; j++)
        {
            if (!(blockMax[j] > _max[j])) continue;
            if (_sum[j] > 0) _sum[j] *= Math.Exp(_shift[j] - blockMax[j]);
            _max[j] = blockMax[j];
            _shift[j] = blockMax[j];
        }
    }

    private void AddExponentials(ReadOnlySpan<double> row) => DeterministicMath.AccumulateExp(row, _shift, _sum);
}
