namespace MutualInfo.Data;

/// <summary>
/// n paired observations (xᵢ, yᵢ), stored row-major: row i of X is <c>X[i*DimX .. (i+1)*DimX)</c>, likewise Y.
/// </summary>
public sealed record PairedSamples
{
    /// <summary>Wraps the buffers (not copied); checks that their lengths agree with the dimensions.</summary>
    /// <param name="x">X values, n×DimX row-major.</param>
    /// <param name="y">Y values, n×DimY row-major.</param>
    /// <param name="dimX">Dimension of X (≥ 1).</param>
    /// <param name="dimY">Dimension of Y (≥ 1).</param>
    /// <param name="xNames">Column names of X (default X1…), used in messages.</param>
    /// <param name="yNames">Column names of Y (default Y1…).</param>
    public PairedSamples(double[] x, double[] y, int dimX, int dimY, IReadOnlyList<string>? xNames = null, IReadOnlyList<string>? yNames = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimX, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimY, 1);
        if (x.Length % dimX != 0 || y.Length % dimY != 0 || x.Length / dimX != y.Length / dimY)
            throw new ArgumentException($"X ({x.Length} values, dim {dimX}) and Y ({y.Length} values, dim {dimY}) do not hold the same number of rows");
        X = x;
        Y = y;
        DimX = dimX;
        DimY = dimY;
        Count = x.Length / dimX;
        XNames = xNames ?? DefaultNames("X", dimX);
        YNames = yNames ?? DefaultNames("Y", dimY);
        if (XNames.Count != dimX || YNames.Count != dimY) throw new ArgumentException("one column name per dimension is required");
    }

    /// <summary>X values, n×DimX row-major.</summary>
    public double[] X { get; }
    /// <summary>Y values, n×DimY row-major.</summary>
    public double[] Y { get; }
    /// <summary>Dimension of X.</summary>
    public int DimX { get; }
    /// <summary>Dimension of Y.</summary>
    public int DimY { get; }
    /// <summary>Number of pairs n.</summary>
    public int Count { get; }
    /// <summary>Column names of X.</summary>
    public IReadOnlyList<string> XNames { get; }
    /// <summary>Column names of Y.</summary>
    public IReadOnlyList<string> YNames { get; }

    /// <summary>The pairs at the given row indexes (repeats allowed), in that order.</summary>
    public PairedSamples Rows(ReadOnlySpan<int> rows)
    {
        var x = new double[rows.Length * DimX];
        var y = new double[rows.Length * DimY];
        for (int r = 0; r < rows.Length; r++)
        {
            X.AsSpan(rows[r] * DimX, DimX).CopyTo(x.AsSpan(r * DimX));
            Y.AsSpan(rows[r] * DimY, DimY).CopyTo(y.AsSpan(r * DimY));
        }
        return new PairedSamples(x, y, DimX, DimY, XNames, YNames);
    }

    /// <summary>The same X with the rows of Y reordered: pair i becomes (xᵢ, y_perm[i]). Used for permutation nulls.</summary>
    public PairedSamples WithYRows(ReadOnlySpan<int> permutation)
    {
        var y = new double[Y.Length];
        for (int r = 0; r < permutation.Length; r++) Y.AsSpan(permutation[r] * DimY, DimY).CopyTo(y.AsSpan(r * DimY));
        return new PairedSamples(X, y, DimX, DimY, XNames, YNames);
    }

    private static string[] DefaultNames(string prefix, int dim) =>
        Enumerable.Range(1, dim).Select(i => $"{prefix}{i}").ToArray();
}
