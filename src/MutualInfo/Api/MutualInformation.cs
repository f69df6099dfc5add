using MutualInfo.Data;
using MutualInfo.Estimators;

namespace MutualInfo;

/// <summary>
/// One-call estimate of I(X;Y) in nats from paired samples: what <c>mi estimate</c> computes (default estimator
/// <c>ksg-copula</c> with its reliability verdict, each column z-scored first, SE, 95% CI and warnings), with the
/// input checked here: <see cref="ArgumentException"/> naming <c>x</c>, <c>y</c> or <c>options</c>, never a hang or a
/// silent wrong number.
/// </summary>
/// <example>
/// <code>
/// using MutualInfo;
///
/// double[] x = [0.1, 0.5, 0.9, 1.3, /* … */];
/// double[] y = [0.2, 0.4, 1.1, 1.2, /* … */];
/// var result = MutualInformation.Estimate(x, y, seed: 1);
/// Console.WriteLine($"I = {result.Mi:0.000} nats, 95% CI [{result.Ci95Low:0.000}, {result.Ci95High:0.000}], {result.Reliability.Verdict}");
/// </code>
/// </example>
public static class MutualInformation
{
    /// <summary>Estimates I(X;Y) from two matrices with one row per observation.</summary>
    /// <param name="x">n×d_X values of X (row i is observation i).</param>
    /// <param name="y">n×d_Y values of Y, the same n rows.</param>
    /// <param name="options">Estimator settings; null for <c>mi estimate</c>'s defaults.</param>
    /// <param name="seed">Random seed (<c>--seed</c>, default 1): same seed → same numbers, whatever the thread count.</param>
    /// <returns>The estimate with SE, 95% CI, warnings and reliability verdict, as <c>mi estimate --json</c> reports it.</returns>
    /// <exception cref="ArgumentNullException">x or y is null.</exception>
    /// <exception cref="ArgumentException">Empty input, different row counts, a NaN or infinite value, a constant column, or fewer rows than the estimator needs (2(k + 1)).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names the property).</exception>
    public static MiEstimate Estimate(double[,] x, double[,] y, MutualInformationOptions? options = null, ulong seed = 1) =>
        Estimate(InputMatrix.FromRectangular(x, nameof(x)), InputMatrix.FromRectangular(y, nameof(y)), options, seed);

    /// <summary>Estimates I(X;Y) from jagged rows: <c>x[i]</c> is observation i of X (every row the same length).</summary>
    /// <inheritdoc cref="Estimate(double[,], double[,], MutualInformationOptions?, ulong)"/>
    public static MiEstimate Estimate(double[][] x, double[][] y, MutualInformationOptions? options = null, ulong seed = 1) =>
        Estimate(InputMatrix.FromJagged(x, nameof(x)), InputMatrix.FromJagged(y, nameof(y)), options, seed);

    /// <summary>Estimates I(X;Y) between two scalar variables observed together n times.</summary>
    /// <inheritdoc cref="Estimate(double[,], double[,], MutualInformationOptions?, ulong)"/>
    /// <example>
    /// <code>
    /// var rng = new Random(3);
    /// double[] x = new double[2000], y = new double[2000];
    /// for (int i = 0; i &lt; x.Length; i++) { x[i] = rng.NextDouble(); y[i] = x[i] + 0.2 * rng.NextDouble(); }
    /// MiEstimate r = MutualInformation.Estimate(x, y, new MutualInformationOptions { K = 5, Permutations = 100 }, seed: 7);
    /// Console.WriteLine($"{r.Mi:0.000} ± {r.StdError:0.000} nats, p = {r.PValue}");
    /// if (!r.Reliability.IsOk) Console.Error.WriteLine(string.Join("; ", r.Reliability.Reasons));
    /// </code>
    /// </example>
    public static MiEstimate Estimate(double[] x, double[] y, MutualInformationOptions? options = null, ulong seed = 1) =>
        Estimate(InputMatrix.FromColumn(x, nameof(x)), InputMatrix.FromColumn(y, nameof(y)), options, seed);

    private static MiEstimate Estimate((double[] Values, int Rows, int Columns) x, (double[] Values, int Rows, int Columns) y, MutualInformationOptions? options, ulong seed)
    {
        options ??= new MutualInformationOptions();
        options.Validate();
        if (x.Rows != y.Rows) throw new ArgumentException($"y has {y.Rows} rows but x has {x.Rows}: one row per paired observation is needed", nameof(y));
        InputMatrix.RequireFinite(x.Values, x.Columns, nameof(x));
        InputMatrix.RequireFinite(y.Values, y.Columns, nameof(y));
        InputMatrix.RequireNonConstantColumns(x.Values, x.Columns, nameof(x));
        InputMatrix.RequireNonConstantColumns(y.Values, y.Columns, nameof(y));
        var estimator = options.CreateEstimator();
        int minimum = estimator.MinSamples(x.Columns, y.Columns);
        if (x.Rows < minimum) throw new ArgumentException($"x and y have {x.Rows} rows, but {estimator.Name} with k = {options.K} needs at least {minimum}", nameof(x));
        double[] xs = Prepare(x.Values, x.Columns, options.Standardize, nameof(x));
        double[] ys = Prepare(y.Values, y.Columns, options.Standardize, nameof(y));
        return EstimatePrepared(new PairedSamples(xs, ys, x.Columns, y.Columns), estimator, options.Permutations, seed);
    }

    /// <summary>
    /// Estimates I(X;Y) from paired samples with any estimator: what <c>mi estimate --estimator NAME</c> runs on the
    /// columns it read (the CLI calls this, so both give the same numbers). The samples are checked (enough rows for
    /// the estimator, finite values, no constant column) and, unless <paramref name="standardize"/> is false, each
    /// column z-scored; the input is not modified.
    /// </summary>
    /// <param name="samples">The paired observations, with column names for messages.</param>
    /// <param name="estimator">Any estimator, e.g. <c>new KsgEstimator()</c> or a neural one.</param>
    /// <param name="standardize">Z-score each column first (k-NN estimators are scale-sensitive).</param>
    /// <param name="permutations">Permutations for a p-value of independence (0: none).</param>
    /// <param name="seed">Random seed: same seed → same numbers, whatever the thread count.</param>
    /// <exception cref="ArgumentException">Too few rows, a NaN or infinite value, a constant column (parameter <c>samples</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is negative or above <see cref="MutualInformationOptions.MaxPermutations"/>.</exception>
    public static MiEstimate Estimate(PairedSamples samples, IMiEstimator estimator, bool standardize = true, int permutations = 0, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(estimator);
        if (permutations < 0 || permutations > MutualInformationOptions.MaxPermutations)
            throw new ArgumentOutOfRangeException(nameof(permutations), $"must be between 0 and {MutualInformationOptions.MaxPermutations}, got {permutations}");
        return EstimatePrepared(Prepare(samples, estimator, standardize), estimator, permutations, seed);
    }

    /// <summary>
    /// The checks and scaling every data estimate gets (this facade, <c>mi estimate</c>, <c>mi bmi</c>): enough rows for
    /// <paramref name="estimator"/>, finite values, no constant column, then z-scores or (unstandardised) a range check.
    /// </summary>
    internal static PairedSamples Prepare(PairedSamples samples, IMiEstimator estimator, bool standardize)
    {
        SampleValidation.RequireRows(samples, estimator.MinSamples(samples.DimX, samples.DimY), $"estimator {estimator.Name}");
        SampleValidation.RequireFinite(samples);
        SampleValidation.RequireNonConstantColumns(samples);
        if (standardize) return Standardization.Apply(samples);
        SampleValidation.RequireFiniteRanges(samples);
        return samples;
    }

    private static MiEstimate EstimatePrepared(PairedSamples samples, IMiEstimator estimator, int permutations, ulong seed)
    {
        var result = estimator.Estimate(samples, seed);
        return permutations > 0 ? EstimatorDiagnostics.WithPermutationPValue(result, estimator, samples, permutations, seed) : result;
    }

    // The CLI's Standardization and range check, run on one side at a time so that a failure names its parameter.
    private static double[] Prepare(double[] values, int columns, bool standardize, string parameter)
    {
        var names = Enumerable.Range(0, columns).Select(c => $"{parameter}[:, {c}]").ToArray();
        var side = new PairedSamples(values, values, columns, columns, names, names);
        try
        {
            if (standardize) return Standardization.Apply(side).X;
            SampleValidation.RequireFiniteRanges(side);
            return values;
        }
        catch (ArgumentException e)
        {
            throw ArgumentMessages.Rename(e, parameter);
        }
    }
}
