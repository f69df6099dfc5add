using System.Numerics.Tensors;
using MutualInfo.Numerics;
using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// (X, Y) jointly multivariate Student-t with ν degrees of freedom, zero location and identity dispersion:
/// (x, y) = z / √(w/ν) with z ~ N(0, I_{dx+dy}) and w ~ χ²_ν. X and Y are uncorrelated but dependent through
/// the shared scale; I(X;Y) = h(dx) + h(dy) − h(dx + dy) with
/// h(k) = −ln Γ((ν+k)/2) + ln Γ(ν/2) + (k/2) ln(νπ) + ((ν+k)/2)(ψ((ν+k)/2) − ψ(ν/2)).
/// </summary>
/// <remarks>
/// The marginals are t with the same ν, and a k-dimensional t density is
/// C_k (1 + |t|²/ν)^{−(ν+k)/2} with ln C_k = ln Γ((ν+k)/2) − ln Γ(ν/2) − (k/2) ln(νπ), so log r depends only on
/// |x|² and |y|²: log r = C + ((ν+dx)/2) ln(1 + |x|²/ν) + ((ν+dy)/2) ln(1 + |y|²/ν) − ((ν+d)/2) ln(1 + (|x|²+|y|²)/ν).
/// </remarks>
public sealed class StudentTFamily : KnownMiFamily
{
    private readonly double _nu;
    private readonly double _constant;
    private readonly double _mi;

    /// <summary>Creates the family.</summary>
    /// <param name="dimX">dx ≥ 1.</param>
    /// <param name="dimY">dy ≥ 1.</param>
    /// <param name="dof">ν &gt; 0, the degrees of freedom.</param>
    public StudentTFamily(int dimX, int dimY, double dof)
    {
        if (dimX <= 0) throw new ArgumentOutOfRangeException(nameof(dimX), $"dx must be a positive integer, got {dimX}");
        if (dimY <= 0) throw new ArgumentOutOfRangeException(nameof(dimY), $"dy must be a positive integer, got {dimY}");
        if (!(dof > 0) || double.IsPositiveInfinity(dof)) throw new ArgumentOutOfRangeException(nameof(dof), $"dof must be a finite number > 0, got {SpecNumber.Format(dof)}");
        DimX = dimX;
        DimY = dimY;
        _nu = dof;
        _constant = LogNormaliser(dimX + dimY) - LogNormaliser(dimX) - LogNormaliser(dimY);
        _mi = Math.Max(0, EntropyTerm(dimX) + EntropyTerm(dimY) - EntropyTerm(dimX + dimY));
    }

    /// <summary>ν, the degrees of freedom.</summary>
    public double DegreesOfFreedom => _nu;

    /// <inheritdoc />
    public override string Name =>
        $"student-t:dx={SpecNumber.Format(DimX)},dy={SpecNumber.Format(DimY)},dof={SpecNumber.Format(_nu)}";

    /// <inheritdoc />
    public override int DimX { get; }

    /// <inheritdoc />
    public override int DimY { get; }

    /// <inheritdoc />
    public override double MutualInformation => _mi;

    private double LogNormaliser(int k) =>
        SpecialFunctions.LogGamma((_nu + k) / 2) - SpecialFunctions.LogGamma(_nu / 2) - 0.5 * k * Math.Log(_nu * Math.PI);

    private double EntropyTerm(int k)
    {
        double half = (_nu + k) / 2;
        return -SpecialFunctions.LogGamma(half) + SpecialFunctions.LogGamma(_nu / 2) + 0.5 * k * Math.Log(_nu * Math.PI)
               + half * (SpecialFunctions.Digamma(half) - SpecialFunctions.Digamma(_nu / 2));
    }

    /// <inheritdoc />
    public override void SampleJoint(Rng rng, Span<double> x, Span<double> y)
    {
        int rows = CheckJointShapes(x, y);
        for (int r = 0; r < rows; r++)
        {
            double scale = InverseScale(rng);
            Span<double> xr = x.Slice(r * DimX, DimX), yr = y.Slice(r * DimY, DimY);
            for (int k = 0; k < DimX; k++) xr[k] = scale * rng.NextGaussian();
            for (int k = 0; k < DimY; k++) yr[k] = scale * rng.NextGaussian();
        }
    }

    /// <inheritdoc />
    public override void SampleMarginalX(Rng rng, Span<double> x)
    {
        int rows = RowCount(x.Length, DimX, nameof(x));
        for (int r = 0; r < rows; r++)
        {
            double scale = InverseScale(rng);
            Span<double> xr = x.Slice(r * DimX, DimX);
            for (int k = 0; k < DimX; k++) xr[k] = scale * rng.NextGaussian();
        }
    }

    private double InverseScale(Rng rng) => 1 / Math.Sqrt(rng.NextChiSquare(_nu) / _nu);

    /// <inheritdoc />
    protected override double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sx = OrderedSum.SumOfSquares(x), sy = OrderedSum.SumOfSquares(y);
        return _constant + RowTerm(sx) + ColumnTerm(sy) - JointCoefficient * Math.Log(1 + (sx + sy) / _nu);
    }

    private double JointCoefficient => 0.5 * (_nu + DimX + DimY);

    private double RowTerm(double sx) => 0.5 * (_nu + DimX) * Math.Log(1 + sx / _nu);

    private double ColumnTerm(double sy) => 0.5 * (_nu + DimY) * Math.Log(1 + sy / _nu);

    /// <summary>
    /// Draws log r(x̄, y) for x̄ from the X-marginal without forming x̄: log r depends on x̄ only through |x̄|², and
    /// for x̄ = z/√(w/ν) that is ν·χ²_dx/χ²_ν with the two chi-squares independent — the same distribution, exactly,
    /// at a cost independent of dx.
    /// </summary>
    public override void SampleNegativeLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest)
    {
        CheckSingleY(y);
        double sy = OrderedSum.SumOfSquares(y);
        double offset = _constant + ColumnTerm(sy), joint = JointCoefficient;
        for (int k = 0; k < dest.Length; k++)
        {
            double sx = _nu * ChiSquare(rng, DimX) / rng.NextChiSquare(_nu);
            dest[k] = offset + RowTerm(sx) - joint * Math.Log(1 + (sx + sy) / _nu);
        }
    }

    // A few squared normals are cheaper than the Gamma sampler for small dimensions; both are exact.
    private static double ChiSquare(Rng rng, int dof)
    {
        if (dof > 4) return rng.NextChiSquare(dof);
        double s = 0;
        for (int k = 0; k < dof; k++)
        {
            double z = rng.NextGaussian();
            s += z * z;
        }
        return s;
    }

    /// <inheritdoc />
    protected override void LogRatioMatrixCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int nx, int ny, Span<double> dest)
    {
        using var colLease = new PooledArray(ny);
        using var scaledLease = new PooledArray(ny);
        Span<double> colTerms = colLease.Span, scaledY = scaledLease.Span;
        for (int j = 0; j < ny; j++)
        {
            double sy = OrderedSum.SumOfSquares(y.Slice(j * DimY, DimY));
            colTerms[j] = ColumnTerm(sy);
            scaledY[j] = sy / _nu;
        }
        double joint = JointCoefficient;
        for (int i = 0; i < nx; i++)
        {
            double sx = OrderedSum.SumOfSquares(x.Slice(i * DimX, DimX));
            Span<double> row = dest.Slice(i * ny, ny);
            TensorPrimitives.Add(scaledY, 1 + sx / _nu, row);
            DeterministicMath.Log(row, row);
            TensorPrimitives.MultiplyAdd(row, -joint, colTerms, row);
            TensorPrimitives.Add(row, _constant + RowTerm(sx), row);
        }
    }
}
