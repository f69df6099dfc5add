namespace MutualInfo.Data;

/// <summary>
/// n observations of three blocks (X, Y, Z), row-major like <see cref="PairedSamples"/>, with a flag per column
/// saying whether it holds categorical codes (compared for equality only). Z may be empty (DimZ = 0): then the
/// target quantity is I(X;Y) with discrete or mixed columns.
/// </summary>
public sealed record ConditionalSamples
{
    /// <summary>Wraps the buffers (not copied) after checking that lengths, dimensions, names and flags agree.</summary>
    public ConditionalSamples(Block x, Block y, Block z)
    {
        if (x.Dim < 1 || y.Dim < 1) throw new ArgumentException("X and Y need at least one column each");
        if (x.Count != y.Count || (z.Dim > 0 && z.Count != x.Count))
            throw new ArgumentException($"X ({x.Count} rows), Y ({y.Count} rows) and Z ({z.Count} rows) differ in length");
        (X, Y, Z) = (x, y, z);
    }

    /// <summary>The X block.</summary>
    public Block X { get; }
    /// <summary>The Y block.</summary>
    public Block Y { get; }
    /// <summary>The conditioning block (Dim 0 when there is none).</summary>
    public Block Z { get; }

    /// <summary>Number of rows n.</summary>
    public int Count => X.Count;

    /// <summary>Whether every column of every block is continuous.</summary>
    public bool AllContinuous => !X.AnyDiscrete && !Y.AnyDiscrete && !Z.AnyDiscrete;

    /// <summary>The rows at these indexes (repeats allowed), in that order.</summary>
    public ConditionalSamples Rows(ReadOnlySpan<int> rows) => new(X.Rows(rows), Y.Rows(rows), Z.Rows(rows));

    /// <summary>The same Y and Z with X's rows reordered: row i takes X from row <c>source[i]</c> (permutation nulls).</summary>
    public ConditionalSamples WithXRows(ReadOnlySpan<int> source) => new(X.Rows(source), Y, Z);

    /// <summary>X and Y as paired samples (Z dropped).</summary>
    public PairedSamples XY() => new(X.Values, Y.Values, X.Dim, Y.Dim, X.Names, Y.Names);

    /// <summary>
    /// One block of columns: n × Dim values, row-major, with names and a discrete flag per column. Discrete columns
    /// hold codes 0, 1, … (any original labels are mapped to codes when the data are read).
    /// </summary>
    public sealed record Block
    {
        /// <summary>Wraps the buffer; <paramref name="discrete"/> defaults to all-continuous.</summary>
        public Block(double[] values, int dim, IReadOnlyList<string> names, IReadOnlyList<bool>? discrete = null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim);
            if (dim == 0 ? values.Length != 0 : values.Length % dim != 0) throw new ArgumentException($"{values.Length} values do not fill rows of {dim} columns");
            if (names.Count != dim) throw new ArgumentException("one column name per dimension is required");
            discrete ??= new bool[dim];
            if (discrete.Count != dim) throw new ArgumentException("one discrete flag per dimension is required");
            (Values, Dim, Names, Discrete) = (values, dim, names, discrete);
            Count = dim == 0 ? 0 : values.Length / dim;
        }

        /// <summary>An empty block (no columns).</summary>
        public static Block Empty { get; } = new([], 0, []);

        /// <summary>Values, n × Dim row-major.</summary>
        public double[] Values { get; }
        /// <summary>Number of columns.</summary>
        public int Dim { get; }
        /// <summary>Column names.</summary>
        public IReadOnlyList<string> Names { get; }
        /// <summary>Per column: true when it holds categorical codes.</summary>
        public IReadOnlyList<bool> Discrete { get; }
        /// <summary>Number of rows (0 for an empty block).</summary>
        public int Count { get; }

        /// <summary>Whether some column is discrete.</summary>
        public bool AnyDiscrete => Discrete.Any(d => d);
        /// <summary>Whether every column is discrete (false for an empty block).</summary>
        public bool AllDiscrete => Dim > 0 && Discrete.All(d => d);

        /// <summary>Value of row <paramref name="row"/>, column <paramref name="column"/>.</summary>
        public double this[int row, int column] => Values[row * Dim + column];

        /// <summary>The rows at these indexes (repeats allowed).</summary>
        public Block Rows(ReadOnlySpan<int> rows)
        {
            if (Dim == 0) return this;
            var v = new double[rows.Length * Dim];
            for (int r = 0; r < rows.Length; r++) Values.AsSpan(rows[r] * Dim, Dim).CopyTo(v.AsSpan(r * Dim));
            return new Block(v, Dim, Names, Discrete);
        }

        /// <summary>The columns at these indexes, in that order.</summary>
        public Block Columns(IReadOnlyList<int> columns)
        {
            int n = Count, d = columns.Count;
            var v = new double[n * d];
            for (int i = 0; i < n; i++)
                for (int c = 0; c < d; c++) v[i * d + c] = Values[i * Dim + columns[c]];
            return new Block(v, d, columns.Select(c => Names[c]).ToArray(), columns.Select(c => Discrete[c]).ToArray());
        }

        /// <summary>This block's columns followed by <paramref name="other"/>'s (same row count).</summary>
        public Block Concat(Block other)
        {
            if (other.Dim == 0) return this;
            if (Dim == 0) return other;
            int n = Count, d = Dim + other.Dim;
            var v = new double[n * d];
            for (int i = 0; i < n; i++)
            {
                Values.AsSpan(i * Dim, Dim).CopyTo(v.AsSpan(i * d));
                other.Values.AsSpan(i * other.Dim, other.Dim).CopyTo(v.AsSpan(i * d + Dim));
            }
            return new Block(v, d, Names.Concat(other.Names).ToArray(), Discrete.Concat(other.Discrete).ToArray());
        }
    }
}
