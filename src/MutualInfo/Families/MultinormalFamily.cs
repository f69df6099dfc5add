using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// A zero-mean joint Gaussian of (X, Y) with a given (dx + dy) × (dx + dy) covariance Σ;
/// I(X;Y) = ½ ln(|Σ_X| |Σ_Y| / |Σ|).
/// </summary>
/// <remarks>
/// With Λ = Σ⁻¹: log r(x, y) = I − ½ xᵀ(Λ_XX − Σ_X⁻¹)x − ½ yᵀ(Λ_YY − Σ_Y⁻¹)y − xᵀΛ_XY y, so a batch of scores is
/// one GEMM (X·(−Λ_XY) against Y) plus per-row and per-column quadratic terms.
/// </remarks>
public sealed class MultinormalFamily : KnownMiFamily
{
    private readonly string _name;
    private readonly Cholesky _joint;
    private readonly Cholesky _marginalX;
    private readonly double[] _quadX;   // Λ_XX − Σ_X⁻¹, dx × dx
    private readonly double[] _quadY;   // Λ_YY − Σ_Y⁻¹, dy × dy
    private readonly double[] _cross;   // −Λ_XY, dx × dy
    private readonly double _mi;

    /// <summary>Creates the family from a full covariance matrix whose first <paramref name="dimX"/> coordinates are X.</summary>
    /// <param name="covariance">Symmetric positive-definite (dx + dy) × (dx + dy) covariance.</param>
    /// <param name="dimX">dx, between 1 and the matrix size − 1; the rest is Y.</param>
    public MultinormalFamily(double[,] covariance, int dimX)
        : this(covariance, dimX, $"multinormal:dx={SpecNumber.Format(dimX)},cov={SpecTable.Format(covariance)}") { }

    private MultinormalFamily(double[,] covariance, int dimX, string name)
    {
        int n = covariance.GetLength(0);
        if (covariance.GetLength(1) != n) throw new ArgumentException($"cov must be square, got {n} x {covariance.GetLength(1)}", nameof(covariance));
        if (dimX < 1 || dimX >= n) throw new ArgumentOutOfRangeException(nameof(dimX), $"dx must lie between 1 and {n - 1} for a {n} x {n} cov, got {dimX}");
        var sigma = Flatten(covariance);
        CheckSymmetric(sigma, n);
        _name = name;
        DimX = dimX;
        DimY = n - dimX;
        _joint = Cholesky.TryFactor(sigma, n) ?? throw new ArgumentException("cov is not positive definite", nameof(covariance));
        var sigmaX = Block(sigma, n, 0, 0, DimX, DimX);
        var sigmaY = Block(sigma, n, DimX, DimX, DimY, DimY);
        _marginalX = Cholesky.TryFactor(sigmaX, DimX)!;
        var marginalY = Cholesky.TryFactor(sigmaY, DimY)!;
        var precision = _joint.Inverse();
        _quadX = Subtract(Block(precision, n, 0, 0, DimX, DimX), _marginalX.Inverse());
        _quadY = Subtract(Block(precision, n, DimX, DimX, DimY, DimY), marginalY.Inverse());
        _cross = Block(precision, n, 0, DimX, DimX, DimY);
        for (int t = 0; t < _cross.Length; t++) _cross[t] = -_cross[t];
        _mi = Math.Max(0, 0.5 * (_marginalX.LogDeterminant() + marginalY.LogDeterminant() - _joint.LogDeterminant()));
        MaxVariance = Enumerable.Range(0, n).Max(i => sigma[i * n + i]);
        // Under p(x)p(y): E xᵀQx = tr(QΣ_X) for each marginal and the cross term has mean 0 (class remarks).
        _lautum = 0.5 * (TraceOfProduct(_quadX, sigmaX, DimX) + TraceOfProduct(_quadY, sigmaY, DimY)) - _mi;
    }

    private readonly double _lautum;

    /// <summary>L = −E_{p(x)p(y)}[log r] = ½ tr((Λ_XX − Σ_X⁻¹)Σ_X) + ½ tr((Λ_YY − Σ_Y⁻¹)Σ_Y) − I.</summary>
    public override double? LautumInformation => _lautum;

    private static double TraceOfProduct(double[] a, double[] b, int dim)
    {
        double trace = 0;
        for (int i = 0; i < dim; i++)
        for (int k = 0; k < dim; k++) trace += a[i * dim + k] * b[k * dim + i];
        return trace;
    }

    /// <summary>The largest variance of any coordinate (the diagonal of Σ).</summary>
    public double MaxVariance { get; }

    /// <summary>
    /// The "dense" construction: unit variances and every off-diagonal entry of the joint correlation matrix equal
    /// to <paramref name="correlation"/> (within X, within Y and across), which must lie in (−1/(dx + dy − 1), 1).
    /// </summary>
    public static MultinormalFamily Dense(int dimX, int dimY, double correlation)
    {
        CheckDims(dimX, dimY);
        double lower = -1.0 / (dimX + dimY - 1);
        if (!(correlation > lower && correlation < 1))
            throw new ArgumentOutOfRangeException(nameof(correlation), $"dense must lie in ({SpecNumber.Format(lower)}, 1) for dx + dy = {dimX + dimY}, got {SpecNumber.Format(correlation)}");
        int n = dimX + dimY;
        var cov = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                cov[i, j] = i == j ? 1 : correlation;
        return new MultinormalFamily(cov, dimX,
            $"multinormal:dense={SpecNumber.Format(correlation)},dx={SpecNumber.Format(dimX)},dy={SpecNumber.Format(dimY)}");
    }

    /// <summary>
    /// The "sparse" construction: unit variances, the first <paramref name="pairs"/> coordinate pairs (x_i, y_i)
    /// correlated with <paramref name="rho"/>, everything else independent; I = −(k/2) ln(1 − ρ²).
    /// </summary>
    public static MultinormalFamily Sparse(int dimX, int dimY, int pairs, double rho)
    {
        CheckDims(dimX, dimY);
        if (pairs < 0 || pairs > Math.Min(dimX, dimY))
            throw new ArgumentOutOfRangeException(nameof(pairs), $"sparse must lie between 0 and min(dx, dy) = {Math.Min(dimX, dimY)}, got {pairs}");
        if (!(Math.Abs(rho) < 1)) throw new ArgumentOutOfRangeException(nameof(rho), $"rho must satisfy |rho| < 1, got {SpecNumber.Format(rho)}");
        int n = dimX + dimY;
        var cov = new double[n, n];
        for (int i = 0; i < n; i++) cov[i, i] = 1;
        for (int i = 0; i < pairs; i++) cov[i, dimX + i] = cov[dimX + i, i] = rho;
        return new MultinormalFamily(cov, dimX,
            $"multinormal:sparse={SpecNumber.Format(pairs)},rho={SpecNumber.Format(rho)},dx={SpecNumber.Format(dimX)},dy={SpecNumber.Format(dimY)}");
    }

    /// <inheritdoc />
    public override string Name => _name;

    /// <inheritdoc />
    public override int DimX { get; }

    /// <inheritdoc />
    public override int DimY { get; }

    /// <inheritdoc />
    public override double MutualInformation => _mi;

    /// <inheritdoc />
    public override void SampleJoint(Rng rng, Span<double> x, Span<double> y)
    {
        int rows = CheckJointShapes(x, y);
        int n = DimX + DimY;
        Span<double> z = stackalloc double[n];
        Span<double> w = stackalloc double[n];
        for (int r = 0; r < rows; r++)
        {
            rng.FillGaussian(z);
            _joint.MultiplyLower(z, w);
            w[..DimX].CopyTo(x.Slice(r * DimX, DimX));
            w[DimX..].CopyTo(y.Slice(r * DimY, DimY));
        }
    }

    /// <inheritdoc />
    public override void SampleMarginalX(Rng rng, Span<double> x)
    {
        int rows = RowCount(x.Length, DimX, nameof(x));
        Span<double> z = stackalloc double[DimX];
        for (int r = 0; r < rows; r++)
        {
            rng.FillGaussian(z);
            _marginalX.MultiplyLower(z, x.Slice(r * DimX, DimX));
        }
    }

    /// <inheritdoc />
    protected override double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double bilinear = 0;
        for (int a = 0; a < DimX; a++)
            for (int b = 0; b < DimY; b++)
                bilinear += x[a] * _cross[a * DimY + b] * y[b];
        return _mi - 0.5 * QuadraticForm(_quadX, x) - 0.5 * QuadraticForm(_quadY, y) + bilinear;
    }

    /// <inheritdoc />
    protected override void LogRatioMatrixCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int nx, int ny, Span<double> dest)
    {
        using var rowLease = new PooledArray(nx);
        using var colLease = new PooledArray(ny);
        using var projectedLease = new PooledArray(nx * DimY);
        Span<double> rowTerms = rowLease.Span, colTerms = colLease.Span, projected = projectedLease.Span;
        for (int i = 0; i < nx; i++)
        {
            ReadOnlySpan<double> xi = x.Slice(i * DimX, DimX);
            rowTerms[i] = _mi - 0.5 * QuadraticForm(_quadX, xi);
            Span<double> pi = projected.Slice(i * DimY, DimY);
            pi.Clear();
            for (int a = 0; a < DimX; a++)
                for (int b = 0; b < DimY; b++)
                    pi[b] += xi[a] * _cross[a * DimY + b];
        }
        for (int j = 0; j < ny; j++) colTerms[j] = -0.5 * QuadraticForm(_quadY, y.Slice(j * DimY, DimY));
        BilinearKernel.Compute(projected, y, DimY, rowTerms, colTerms, dest);
    }

    private static double QuadraticForm(double[] m, ReadOnlySpan<double> v)
    {
        int d = v.Length;
        double s = 0;
        for (int a = 0; a < d; a++)
        {
            double row = 0;
            for (int b = 0; b < d; b++) row += m[a * d + b] * v[b];
            s += v[a] * row;
        }
        return s;
    }

    private static void CheckDims(int dimX, int dimY)
    {
        if (dimX <= 0) throw new ArgumentOutOfRangeException(nameof(dimX), $"dx must be a positive integer, got {dimX}");
        if (dimY <= 0) throw new ArgumentOutOfRangeException(nameof(dimY), $"dy must be a positive integer, got {dimY}");
        long d = (long)dimX + dimY;
        // Checked before the d×d matrices exist: their memory (a few copies of 8·d² bytes) and the Cholesky factor's
        // d³/3 flops (about two minutes at d = 4096 on this kind of machine, hours at d = 20 000).
        if (d > MaxDimension)
            throw new ArgumentOutOfRangeException(nameof(dimY), $"dx + dy must be at most {MaxDimension} (the joint covariance is factored in (dx+dy)³/3 operations), got {d}");
        MemoryBudget.Require(4.0 * 8 * d * d, $"a {d}×{d} joint covariance", nameof(dimX));
    }

    /// <summary>Largest dx + dy accepted: the Cholesky factor of the joint covariance costs (dx + dy)³/3 operations.</summary>
    public const int MaxDimension = 4096;

    private static double[] Flatten(double[,] m)
    {
        int n = m.GetLength(0);
        var flat = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (!double.IsFinite(m[i, j])) throw new ArgumentException($"cov entry ({i + 1}, {j + 1}) is not a finite number", "covariance");
                flat[i * n + j] = m[i, j];
            }
        return flat;
    }

    private static void CheckSymmetric(double[] m, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
            {
                double a = m[i * n + j], b = m[j * n + i];
                if (Math.Abs(a - b) > 1e-12 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))))
                    throw new ArgumentException($"cov must be symmetric: entry ({i + 1}, {j + 1}) = {SpecNumber.Format(a)} but ({j + 1}, {i + 1}) = {SpecNumber.Format(b)}", "covariance");
            }
    }

    private static double[] Block(double[] m, int n, int row0, int col0, int rows, int cols)
    {
        var block = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                block[r * cols + c] = m[(row0 + r) * n + col0 + c];
        return block;
    }

    private static double[] Subtract(double[] a, double[] b)
    {
        var d = new double[a.Length];
        for (int t = 0; t < a.Length; t++) d[t] = a[t] - b[t];
        return d;
    }
}
