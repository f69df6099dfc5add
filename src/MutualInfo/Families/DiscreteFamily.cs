using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// X and Y categorical with a joint probability table P (rows: values of X, columns: values of Y). Samples are
/// category indices 0, 1, … stored as doubles (DimX = DimY = 1). I(X;Y) = Σ P ln(P / (P_X P_Y)).
/// </summary>
/// <remarks>log r(x, y) = ln P(x, y) − ln P_X(x) − ln P_Y(y); −∞ on zero cells and at indices outside the table.</remarks>
public sealed class DiscreteFamily : KnownMiFamily
{
    private const double SumTolerance = 1e-9;
    private readonly double[,] _table;
    private readonly double[] _logRatio;   // rows × cols
    private readonly double[] _jointCdf;   // flattened, row-major
    private readonly double[] _rowCdf;
    private readonly double _mi;

    /// <summary>Creates the family from a joint probability table.</summary>
    /// <param name="table">Non-negative entries summing to 1 (within 1e-9); no all-zero row or column.</param>
    public DiscreteFamily(double[,] table)
    {
        Rows = table.GetLength(0);
        Columns = table.GetLength(1);
        if (Rows == 0 || Columns == 0) throw new ArgumentException("table must have at least one row and one column", nameof(table));
        _table = (double[,])table.Clone();
        double total = CheckEntries(_table);
        if (Math.Abs(total - 1) > SumTolerance)
            throw new ArgumentException($"table entries must sum to 1 (tolerance 1e-9), they sum to {SpecNumber.Format(total)}", nameof(table));
        var rowSums = new double[Rows];
        var colSums = new double[Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
            {
                rowSums[r] += _table[r, c];
                colSums[c] += _table[r, c];
            }
        for (int r = 0; r < Rows; r++) if (rowSums[r] == 0) throw new ArgumentException($"table row {r + 1} is all zero (a value of X that never occurs)", nameof(table));
        for (int c = 0; c < Columns; c++) if (colSums[c] == 0) throw new ArgumentException($"table column {c + 1} is all zero (a value of Y that never occurs)", nameof(table));
        _logRatio = new double[Rows * Columns];
        _jointCdf = new double[Rows * Columns];
        _rowCdf = new double[Rows];
        double mi = 0, cumulative = 0, rowCumulative = 0;
        for (int r = 0; r < Rows; r++)
        {
            rowCumulative += rowSums[r];
            _rowCdf[r] = rowCumulative / total;
            for (int c = 0; c < Columns; c++)
            {
                double p = _table[r, c];
                double logRatio = p > 0 ? Math.Log(p) - Math.Log(rowSums[r]) - Math.Log(colSums[c]) : double.NegativeInfinity;
                _logRatio[r * Columns + c] = logRatio;
                if (p > 0) mi += p * logRatio;
                cumulative += p;
                _jointCdf[r * Columns + c] = cumulative / total;
            }
        }
        _mi = Math.Max(0, mi);
    }

    /// <summary>Number of values of X (table rows).</summary>
    public int Rows { get; }

    /// <summary>Number of values of Y (table columns).</summary>
    public int Columns { get; }

    /// <summary>A copy of the joint probability table.</summary>
    public double[,] Table => (double[,])_table.Clone();

    /// <inheritdoc />
    public override string Name => $"discrete:table={SpecTable.Format(_table)}";

    /// <inheritdoc />
    public override int DimX => 1;

    /// <inheritdoc />
    public override int DimY => 1;

    /// <inheritdoc />
    public override double MutualInformation => _mi;

    /// <inheritdoc />
    public override void SampleJoint(Rng rng, Span<double> x, Span<double> y)
    {
        CheckJointShapes(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            int cell = InverseCdf(_jointCdf, rng.NextDouble());
            x[i] = cell / Columns;
            y[i] = cell % Columns;
        }
    }

    /// <inheritdoc />
    public override void SampleMarginalX(Rng rng, Span<double> x)
    {
        for (int i = 0; i < x.Length; i++) x[i] = InverseCdf(_rowCdf, rng.NextDouble());
    }

    /// <inheritdoc />
    protected override double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int r = Category(x[0], Rows), c = Category(y[0], Columns);
        return r < 0 || c < 0 ? double.NegativeInfinity : _logRatio[r * Columns + c];
    }

    // The smallest index whose cumulative probability exceeds u; zero cells (flat steps) are never chosen.
    private static int InverseCdf(double[] cdf, double u)
    {
        int lo = 0, hi = cdf.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static int Category(double value, int count)
    {
        int index = (int)value;
        return index == value && index >= 0 && index < count ? index : -1;
    }

    private static double CheckEntries(double[,] table)
    {
        double total = 0;
        for (int r = 0; r < table.GetLength(0); r++)
            for (int c = 0; c < table.GetLength(1); c++)
            {
                double p = table[r, c];
                if (!double.IsFinite(p) || p < 0)
                    throw new ArgumentException($"table entry (row {r + 1}, column {c + 1}) must be a finite number >= 0, got {SpecNumber.Format(p)}", nameof(table));
                total += p;
            }
        return total;
    }
}
