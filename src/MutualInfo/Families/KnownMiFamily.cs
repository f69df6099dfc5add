using System.Buffers;
using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// Base class of the known-MI families: checks buffer shapes, evaluates <see cref="LogRatioMatrix"/> pair by pair
/// unless a family overrides it with a fast form, and draws independent negatives by sampling x̄ in chunks.
/// </summary>
public abstract class KnownMiFamily : IKnownMiFamily
{
    /// <summary>Rows of x̄ drawn at a time by the generic negative sampler: memory stays O(chunk · DimX).</summary>
    protected const int NegativeChunkRows = 1024;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract int DimX { get; }

    /// <inheritdoc />
    public abstract int DimY { get; }

    /// <inheritdoc />
    public abstract double MutualInformation { get; }

    /// <inheritdoc />
    public virtual bool HasExactLogRatio => true;

    /// <inheritdoc />
    public virtual double? LautumInformation => null;

    /// <inheritdoc />
    public virtual double? RatioSecondMoment => null;

    /// <inheritdoc />
    public virtual double? LogRatioVariance => null;

    /// <inheritdoc />
    public abstract void SampleJoint(Rng rng, Span<double> x, Span<double> y);

    /// <inheritdoc />
    public abstract void SampleMarginalX(Rng rng, Span<double> x);

    /// <summary>log r(x, y) for one pair; x has <see cref="DimX"/> entries and y <see cref="DimY"/>.</summary>
    public double LogRatio(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != DimX) throw new ArgumentException($"x has {x.Length} entries, expected {DimX}", nameof(x));
        if (y.Length != DimY) throw new ArgumentException($"y has {y.Length} entries, expected {DimY}", nameof(y));
        return LogRatioPair(x, y);
    }

    /// <summary>log r for one pair whose lengths are already checked.</summary>
    protected abstract double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y);

    /// <inheritdoc />
    public void LogRatioMatrix(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dest)
    {
        (int nx, int ny) = CheckMatrixShapes(x, y, dest);
        if (nx == 0 || ny == 0) return;
        LogRatioMatrixCore(x, y, nx, ny, dest);
    }

    /// <summary>Fills the nx × ny matrix; shapes are already checked. The default loops over pairs.</summary>
    protected virtual void LogRatioMatrixCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int nx, int ny, Span<double> dest)
    {
        for (int i = 0; i < nx; i++)
        {
            ReadOnlySpan<double> xi = x.Slice(i * DimX, DimX);
            for (int j = 0; j < ny; j++) dest[i * ny + j] = LogRatioPair(xi, y.Slice(j * DimY, DimY));
        }
    }

    /// <inheritdoc />
    public virtual void SampleNegativeLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest)
    {
        CheckSingleY(y);
        int chunk = Math.Min(NegativeChunkRows, dest.Length);
        if (chunk == 0) return;
        double[] buffer = ArrayPool<double>.Shared.Rent(chunk * DimX);
        try
        {
            for (int start = 0; start < dest.Length; start += chunk)
            {
                int rows = Math.Min(chunk, dest.Length - start);
                Span<double> xBar = buffer.AsSpan(0, rows * DimX);
                SampleMarginalX(rng, xBar);
                // With a single y the nx × 1 matrix is exactly the vector of negative scores.
                LogRatioMatrixCore(xBar, y, rows, 1, dest.Slice(start, rows));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Throws unless <paramref name="y"/> holds exactly one Y value.</summary>
    protected void CheckSingleY(ReadOnlySpan<double> y)
    {
        if (y.Length != DimY) throw new ArgumentException($"y has {y.Length} entries, expected one row of {DimY}", nameof(y));
    }

    /// <summary>Number of rows in a buffer of samples with <paramref name="dim"/> columns (throws on a ragged buffer).</summary>
    protected static int RowCount(int length, int dim, string name)
    {
        if (length % dim != 0) throw new ArgumentException($"{name} has {length} entries, not a multiple of its dimension {dim}", name);
        return length / dim;
    }

    /// <summary>Throws unless the joint buffers hold the same number of rows.</summary>
    protected int CheckJointShapes(Span<double> x, Span<double> y)
    {
        int n = RowCount(x.Length, DimX, nameof(x));
        int ny = RowCount(y.Length, DimY, nameof(y));
        if (n != ny) throw new ArgumentException($"x holds {n} rows but y holds {ny}", nameof(y));
        return n;
    }

    private (int Nx, int Ny) CheckMatrixShapes(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dest)
    {
        int nx = RowCount(x.Length, DimX, nameof(x));
        int ny = RowCount(y.Length, DimY, nameof(y));
        if (dest.Length != nx * ny) throw new ArgumentException($"dest has {dest.Length} entries, expected {nx} × {ny}", nameof(dest));
        return (nx, ny);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
