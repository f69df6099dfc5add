using System.Runtime.CompilerServices;
using MutualInfo.Numerics;
using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// X ~ N(0, I_d), Y = ρX + √(1 − ρ²) ε with ε ~ N(0, I_d) independent: d independent correlated pairs,
/// I(X;Y) = −(d/2) ln(1 − ρ²).
/// </summary>
/// <remarks>
/// log r(x, y) = c + a(x) + a(y) + κ x·y with c = −(d/2) ln(1 − ρ²), a(t) = −ρ²|t|² / (2(1 − ρ²)), κ = ρ / (1 − ρ²),
/// so a batch of scores is one GEMM plus rank-one terms.
/// </remarks>
public sealed class GaussianFamily : KnownMiFamily, IColumnSummaryFamily, IConditionalSamplingFamily
{
    private readonly double _rho;
    private readonly double _noiseScale;
    private readonly double _constant;
    private readonly double _normCoefficient;
    private readonly double _kappa;
    private readonly double? _targetMi;

    /// <summary>Fused column sums above this are exact to rounding: terms dropped below e^−708 add at most n · 2^−1021.</summary>
    private const double ReliableColumnSum = 1e-250;

    /// <summary>Creates the family from the correlation ρ of each coordinate pair.</summary>
    /// <param name="dim">d ≥ 1, the dimension of X and of Y.</param>
    /// <param name="rho">The per-coordinate correlation, |ρ| &lt; 1.</param>
    public GaussianFamily(int dim, double rho) : this(dim, rho, null) { }

    private GaussianFamily(int dim, double rho, double? targetMi)
    {
        if (dim <= 0) throw new ArgumentOutOfRangeException(nameof(dim), $"dim must be a positive integer, got {dim}");
        if (!(Math.Abs(rho) < 1)) throw new ArgumentOutOfRangeException(nameof(rho), $"rho must satisfy |rho| < 1, got {SpecNumber.Format(rho)}");
        Dim = dim;
        _rho = rho;
        _targetMi = targetMi;
        double oneMinus = 1 - rho * rho;
        _noiseScale = Math.Sqrt(oneMinus);
        _constant = -0.5 * dim * SpecialFunctions.Log1P(-rho * rho);
        _normCoefficient = -rho * rho / (2 * oneMinus);
        _kappa = rho / oneMinus;
    }

    /// <summary>Creates the family whose mutual information is <paramref name="mi"/>: ρ = √(1 − e^{−2I/d}).</summary>
    /// <param name="dim">d ≥ 1.</param>
    /// <param name="mi">The target I(X;Y) in nats, ≥ 0.</param>
    public static GaussianFamily FromMutualInformation(int dim, double mi)
    {
        if (dim <= 0) throw new ArgumentOutOfRangeException(nameof(dim), $"dim must be a positive integer, got {dim}");
        if (!(mi >= 0) || double.IsPositiveInfinity(mi)) throw new ArgumentOutOfRangeException(nameof(mi), $"mi must be a finite number >= 0, got {SpecNumber.Format(mi)}");
        double rho = Math.Sqrt(-SpecialFunctions.ExpM1(-2 * mi / dim));
        if (!(rho < 1)) throw new ArgumentOutOfRangeException(nameof(mi), $"mi = {SpecNumber.Format(mi)} is too large for dim = {dim} in double precision (rho rounds to 1)");
        return new GaussianFamily(dim, rho, mi);
    }

    /// <summary>The dimension d of X and of Y.</summary>
    public int Dim { get; }

    /// <summary>The per-coordinate correlation ρ.</summary>
    public double Rho => _rho;

    /// <inheritdoc />
    public override string Name => _targetMi is { } mi
        ? $"gaussian:dim={SpecNumber.Format(Dim)},mi={SpecNumber.Format(mi)}"
        : $"gaussian:dim={SpecNumber.Format(Dim)},rho={SpecNumber.Format(_rho)}";

    /// <inheritdoc />
    public override int DimX => Dim;

    /// <inheritdoc />
    public override int DimY => Dim;

    /// <inheritdoc />
    public override double MutualInformation => _constant;

    /// <summary>
    /// L = −E_{p(x)p(y)}[log r] = d·ρ²/(1 − ρ²) − I: under independence E|x|² = E|y|² = d and E x·y = 0 in log r
    /// (class remarks), so CLUB at the exact conditional is I + L = d·ρ²/(1 − ρ²).
    /// </summary>
    public override double? LautumInformation => -2 * _normCoefficient * Dim - _constant;

    /// <summary>
    /// E_{p(x)p(y)}[r²] = (1 − ρ²)^{−d} = e^{2I}: per coordinate r = Σ_k ρ^k He_k(x) He_k(y) / k! (Mehler), whose square
    /// integrates to Σ_k ρ^{2k} under independence.
    /// </summary>
    public override double? RatioSecondMoment => Math.Exp(2 * _constant);

    /// <summary>
    /// Var[log r] = d·ρ²: per coordinate log r is the quadratic form zᵀAz of z = (x, y) ~ N(0, S), and with the
    /// coefficients of the class remarks AS = [[0, ρ/2], [ρ/2, 0]], so Var = 2 tr((AS)²) = ρ².
    /// </summary>
    public override double? LogRatioVariance => Dim * _rho * _rho;

    /// <inheritdoc />
    public override void SampleJoint(Rng rng, Span<double> x, Span<double> y)
    {
        CheckJointShapes(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double xi = rng.NextGaussian();
            x[i] = xi;
            y[i] = _rho * xi + _noiseScale * rng.NextGaussian();
        }
    }

    /// <inheritdoc />
    public override void SampleMarginalX(Rng rng, Span<double> x)
    {
        RowCount(x.Length, Dim, nameof(x));
        rng.FillGaussian(x);
    }

    /// <inheritdoc />
    protected override double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double xx = 0, yy = 0, xy = 0;
        for (int k = 0; k < Dim; k++)
        {
            xx += x[k] * x[k];
            yy += y[k] * y[k];
            xy += x[k] * y[k];
        }
        return _constant + _normCoefficient * (xx + yy) + _kappa * xy;
    }

    /// <inheritdoc />
    protected override void LogRatioMatrixCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int nx, int ny, Span<double> dest)
    {
        using var rowLease = new PooledArray(nx);
        using var colLease = new PooledArray(ny);
        using var scaledLease = new PooledArray(x.Length);
        BilinearForm(x, y, rowLease.Span, colLease.Span, scaledLease.Span);
        BilinearKernel.Compute(scaledLease.Span, y, Dim, rowLease.Span, colLease.Span, dest);
    }

    /// <summary>
    /// The fused path: every column j is shifted by the maximum of log r over x, log max_x p(y_j|x)/p(y_j) =
    /// c + |y_j|²/2, so no score exceeds its shift and no running maximum is needed. The shift is exact only as a bound;
    /// a column whose sum falls far below 1 (very high dimension) would lose accuracy, and the batch goes the general way.
    /// </summary>
    bool IColumnSummaryFamily.TrySummariseColumns(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> positives,
        Span<double> logSumExpNegatives)
    {
        int n = RowCount(x.Length, Dim, nameof(x));
        using var rowLease = new PooledArray(n);
        using var colLease = new PooledArray(n);
        using var scaledLease = new PooledArray(x.Length);
        using var shiftLease = new PooledArray(n);
        // The column sums are accumulated in the output span and turned into log-sum-exps in place.
        Span<double> shifts = shiftLease.Span, sums = logSumExpNegatives;
        BilinearForm(x, y, rowLease.Span, colLease.Span, scaledLease.Span);
        for (int j = 0; j < n; j++) shifts[j] = _constant + 0.5 * SquaredNorm(y.Slice(j * Dim, Dim));
        BilinearExpSumKernel.Summarise(scaledLease.Span, y, Dim, rowLease.Span, colLease.Span, shifts, positives, sums);
        for (int j = 0; j < n; j++)
        {
            if (!(sums[j] >= ReliableColumnSum)) return false;
            logSumExpNegatives[j] = shifts[j] + Math.Log(sums[j]);
        }
        return true;
    }

    /// <summary>log r = rowTerms[i] + colTerms[j] + scaledX_i · y_j (see the class remarks).</summary>
    private void BilinearForm(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> rowTerms, Span<double> colTerms, Span<double> scaledX)
    {
        for (int i = 0; i < rowTerms.Length; i++) rowTerms[i] = _constant + _normCoefficient * SquaredNorm(x.Slice(i * Dim, Dim));
        for (int j = 0; j < colTerms.Length; j++) colTerms[j] = _normCoefficient * SquaredNorm(y.Slice(j * Dim, Dim));
        for (int t = 0; t < x.Length; t++) scaledX[t] = _kappa * x[t];
    }

    /// <summary>
    /// Draws log r(x̄, y) for x̄ ~ N(0, I_d) in O(1) per negative, exactly. Rotate coordinates so that the first
    /// axis is y/|y|: the rotated x̄ is still N(0, I_d) (the standard normal is rotation invariant), its first
    /// coordinate z gives x̄·y = |y| z, and the other d − 1 coordinates contribute |x̄|² − z² ~ χ²_{d−1},
    /// independent of z. log r depends on x̄ only through x̄·y and |x̄|², so drawing (z, χ²) reproduces its exact
    /// distribution (for d = 1 there is no χ² term; for y = 0 the z term vanishes). Drawn in chunks: the chunk's z
    /// values, then its χ² values, each filled in bulk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void SampleNegativeLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest)
    {
        CheckSingleY(y);
        double yNorm2 = SquaredNorm(y);
        double offset = _constant + _normCoefficient * yNorm2;
        double slope = _kappa * Math.Sqrt(yNorm2);
        FillQuadraticScores(rng, offset, _normCoefficient, slope, dest);
    }

    /// <summary>
    /// dest[k] = offset + quadratic · |z|² + slope · w for z ~ N(0, I_d), drawn as w = z·y/|y| ~ N(0, 1) and
    /// |z|² − w² ~ χ²_{d−1}: the log-ratio of x = a y + b z against y, in O(1) per draw, in chunks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillQuadraticScores(Rng rng, double offset, double quadratic, double slope, Span<double> dest)
    {
        int chunk = Math.Min(NegativeChunkRows, dest.Length);
        using var wLease = new PooledArray(chunk);
        using var restLease = new PooledArray(chunk);
        for (int start = 0; start < dest.Length; start += chunk)
        {
            int count = Math.Min(chunk, dest.Length - start);
            Span<double> w = wLease.Span[..count], rest = restLease.Span[..count], scores = dest.Slice(start, count);
            rng.FillGaussian(w);
            FillRestOfSquaredNorm(rng, rest);
            for (int k = 0; k < count; k++) scores[k] = offset + quadratic * (w[k] * w[k] + rest[k]) + slope * w[k];
        }
    }

    /// <summary>
    /// Draws log r(x, y) for x ~ p(x | y) = N(ρy, (1 − ρ²)I) in O(1) each: with x = ρy + √(1 − ρ²) z,
    /// log r = I + ρ²|y|²/2 + ρ√(1 − ρ²)|y| w − ρ²|z|²/2, where w = z·y/|y| ~ N(0, 1) and |z|² − w² ~ χ²_{d−1}
    /// independent of w (the same rotation as for the negatives). The m draws form a Latin hypercube: w_k and the
    /// χ²_{d−1} part of draw k are the quantiles of a uniform point in the k-th and in a randomly permuted stratum of m
    /// equal-probability strata. Each draw is still exactly from p(x | y), so their average keeps its expectation,
    /// and its variance falls several-fold against independent draws (measured 8× at 20-d, I = 15, m = 256: the
    /// average of log(1 + S/r) over them is the value a trial reports).
    /// </summary>
    void IConditionalSamplingFamily.SamplePositiveLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest)
    {
        CheckSingleY(y);
        double rho2 = _rho * _rho, yNorm2 = SquaredNorm(y);
        double offset = _constant + 0.5 * rho2 * yNorm2;
        double slope = _rho * _noiseScale * Math.Sqrt(yNorm2);
        int m = dest.Length;
        using var strataLease = new PooledArray(m);
        Span<double> strata = strataLease.Span[..m];
        for (int k = 0; k < m; k++) strata[k] = k;
        for (int k = m - 1; k > 0; k--)
        {
            int j = rng.NextInt(k + 1);
            (strata[k], strata[j]) = (strata[j], strata[k]);
        }
        for (int k = 0; k < m; k++)
        {
            double w = SpecialFunctions.NormalQuantile((k + rng.NextDouble()) / m);
            double rest = Dim >= 2 ? 2 * SpecialFunctions.InverseRegularizedGammaP(0.5 * (Dim - 1), (strata[k] + rng.NextDouble()) / m) : 0;
            dest[k] = offset - 0.5 * rho2 * (w * w + rest) + slope * w;
        }
    }

    /// <summary>Legendre polynomials P_1..P_4 of 2F(|y|²) − 1, F the χ²_d distribution function.</summary>
    int IConditionalSamplingFamily.YControlCount => ChiSquareLegendreControls.Count;

    /// <summary>
    /// |y|² ~ χ²_d, so F(|y|²) is uniform on (0, 1) and every Legendre polynomial P_k(2F − 1), k ≥ 1, has mean 0
    /// and lies in [−1, 1]. Given y the trial depends on y only through |y|² (rotation invariance), so these
    /// capture its dependence on y, however nonlinear.
    /// </summary>
    void IConditionalSamplingFamily.WriteYControls(ReadOnlySpan<double> y, Span<double> dest)
    {
        CheckSingleY(y);
        ChiSquareLegendreControls.Write(Dim, SquaredNorm(y), dest);
    }

    /// <summary>
    /// Completing the square, log r(x̄, y) = c + a|y|²(1 − 1/ρ²) + a|x̄ − y/ρ|² with a &lt; 0, and |x̄ − y/ρ|² is noncentral
    /// χ²_d with noncentrality |y|²/ρ²; so the tail is that distribution's lower CDF at q = (t − c − a|y|²(1 − 1/ρ²))/a,
    /// a Poisson(λ/2) mixture of regularized gammas P(d/2 + j, q/2), summed over the Poisson mass.
    /// </summary>
    double IConditionalSamplingFamily.NegativeTailProbability(double t, ReadOnlySpan<double> y)
    {
        CheckSingleY(y);
        double yNorm2 = SquaredNorm(y);
        if (_rho == 0) return t < _constant ? 1 : 0;
        double q = (t - _constant - _normCoefficient * yNorm2 * (1 - 1 / (_rho * _rho))) / _normCoefficient;
        if (!(q > 0)) return 0;
        if (double.IsPositiveInfinity(q)) return 1;
        double halfLambda = 0.5 * yNorm2 / (_rho * _rho), x = 0.5 * q;
        int centre = (int)halfLambda, spread = (int)(12 * Math.Sqrt(halfLambda)) + 30;
        int first = Math.Max(0, centre - spread), last = centre + spread;
        // From the last term down, with P(a − 1, x) = P(a, x) + x^{a−1}e^{−x}/Γ(a) and the Poisson weights' ratio
        // w_{j−1}/w_j = j/(λ/2): one incomplete gamma function, and only positive terms added (no cancellation).
        double a = 0.5 * Dim + last;
        double gammaP = SpecialFunctions.RegularizedGammaP(a, x);
        double step = 0;
        double PoissonWeight(int j) => halfLambda > 0
            ? Math.Exp(-halfLambda + j * Math.Log(halfLambda) - SpecialFunctions.LogGamma(j + 1))
            : (j == 0 ? 1 : 0);
        double weight = PoissonWeight(last), total = 0;
        for (int j = last; j >= first; j--)
        {
            // The recurrences cannot climb out of an underflow (tiny λ, or a far tail where P(a, x) is below 1e-300 for
            // the largest a) and lose precision among subnormals: there the weight, and the step, directly.
            if (weight < 1e-280) weight = PoissonWeight(j);
            if (step < 1e-280) step = Math.Exp((a - 1) * Math.Log(x) - x - SpecialFunctions.LogGamma(a));
            total += weight * gammaP;
            gammaP += step;
            step *= (a - 1) / x;
            a--;
            weight = halfLambda > 0 ? weight * j / halfLambda : 0;
        }
        return Math.Min(1, total);
    }

    /// <summary>At |y|² = d, its mean (the moment depends on y only through |y|²).</summary>
    double IConditionalSamplingFamily.TypicalLogMomentRatio(double alpha)
    {
        var typical = new double[Dim];
        typical.AsSpan().Fill(1);
        IConditionalSamplingFamily self = this;
        return self.LogRatioMoment(2 * alpha, typical) - 2 * self.LogRatioMoment(alpha, typical);
    }

    /// <summary>
    /// log E_{x̄ ~ N(0, I)}[r(x̄, y)^α] = α(c + a|y|²) − (d/2) ln(1 − 2αa) + α²κ²|y|²/(2(1 − 2αa)) (a Gaussian
    /// integral per coordinate, with c, a, κ of the class remarks); 0 at α = 1, as E[r | y] = 1.
    /// </summary>
    double IConditionalSamplingFamily.LogRatioMoment(double alpha, ReadOnlySpan<double> y)
    {
        CheckSingleY(y);
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "need α ≥ 0");
        double yNorm2 = SquaredNorm(y), spread = 1 - 2 * alpha * _normCoefficient;
        return alpha * (_constant + _normCoefficient * yNorm2) - 0.5 * Dim * Math.Log(spread)
            + alpha * alpha * _kappa * _kappa * yNorm2 / (2 * spread);
    }

    /// <summary>|x̄|² − z² ~ χ²_{d−1}: Marsaglia–Tsang for d − 1 ≥ 2, a squared normal for d = 2, zero for d = 1.</summary>
    private void FillRestOfSquaredNorm(Rng rng, Span<double> rest)
    {
        if (Dim >= 3)
        {
            GammaSampler.ChiSquare(Dim - 1).Fill(rng, rest);
            return;
        }
        rest.Clear();
        if (Dim == 1) return;
        rng.FillGaussian(rest);
        for (int k = 0; k < rest.Length; k++) rest[k] *= rest[k];
    }

    private static double SquaredNorm(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double t in v) s += t * t;
        return s;
    }
}
