using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Estimators.Discrete;

namespace MutualInfo;

/// <summary>
/// The one-call entry point for conditional MI I(X;Y|Z) and for MI with discrete or mixed columns: picks the
/// estimator that fits the column types (or the one asked for), estimates with SE and 95% CI, optionally adds a
/// conditional-independence p-value by local permutation, and warns about unmarked columns that look categorical.
/// </summary>
public static class ConditionalMi
{
    /// <summary>The name that lets the column types decide (see <see cref="Choose"/>).</summary>
    public const string Auto = "auto";

    /// <summary>The default for all-continuous data, chosen by measurement on the CMI tasks (docs/conditional.md).</summary>
    public const string DefaultContinuous = "ksg-cmi-copula";

    /// <summary>An unmarked column with at most this many distinct values draws a warning naming --discrete.</summary>
    public const int FewDistinctValues = 10;

    /// <summary>Every estimator name <see cref="Estimate(ConditionalSamples, string, CmiOptions?, int, ulong, bool)"/> accepts, with a one-line description.</summary>
    public static IReadOnlyList<(string Name, string Description)> Estimators { get; } =
    [
        (Auto, $"by column types: continuous → {DefaultContinuous}; all discrete → plug-in-mm; discrete vs continuous without Z → ross; mixed → mixed-ksg; a discrete Z stratifies"),
        ("ksg-cmi-copula", "KSG-CMI on normal scores minus its bias on Gaussian surrogates; SE by half-splitting + surrogate error"),
        ("ksg-cmi", "Frenzel–Pompe / Vejmelka–Paluš k-NN CMI (max-norm, counts in XZ, YZ, Z); SE by half-splitting"),
        ("gaussian-cmi", "Gaussian CMI from partial canonical correlations (log-determinants), Wishart-debiased; SE by bootstrap"),
        ("plug-in-mm", "discrete: plug-in entropies with the Miller–Madow correction; SE by jackknife"),
        ("ross", "discrete vs continuous (Ross 2014, as scikit-learn's mutual_info_classif); SE by half-splitting"),
        ("mixed-ksg", "mixed discrete–continuous k-NN (Gao et al. 2017; CMI as Mesner–Shalizi); SE by half-splitting"),
    ];

    /// <summary>
    /// Estimates I(X;Y|Z) (I(X;Y) when Z is empty) with SE, 95% CI and, when <paramref name="permutations"/> &gt; 0, the
    /// p-value of conditional independence by local permutation (<see cref="LocalPermutationTest"/>).
    /// Throws <see cref="ArgumentException"/> on bad input (unknown estimator, estimator unfit for the column types,
    /// a value that is not finite, a discrete column with one level, a constant column, too few rows).
    /// </summary>
    /// <remarks>Continuous columns are z-scored first unless <paramref name="standardize"/> is false (k-NN neighbourhoods are scale-sensitive).</remarks>
    /// <example>
    /// <code>
    /// // I(X;Y|Z) from a CSV file with columns x, y, z (Z may also be several columns, or discrete ones).
    /// ConditionalSamples data = ConditionalCsv.Read("data.csv", new ConditionalColumns(X: "x", Y: "y", Z: "z", Discrete: null));
    /// MiEstimate cmi = ConditionalMi.Estimate(data, permutations: 200, seed: 1);
    /// Console.WriteLine($"I(X;Y|Z) = {cmi.Mi:0.000} nats [{cmi.Ci95Low:0.000}, {cmi.Ci95High:0.000}], p = {cmi.PValue:0.000}");
    /// </code>
    /// </example>
    public static MiEstimate Estimate(ConditionalSamples samples, string estimator = Auto, CmiOptions? options = null, int permutations = 0, ulong seed = 1, bool standardize = true)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (permutations < 0) throw new ArgumentOutOfRangeException(nameof(permutations), $"must be 0 or more, got {permutations}");
        options ??= new CmiOptions();
        options.Validate();
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireVariation(samples);
        if (standardize) samples = ConditionalStandardization.Apply(samples);
        return Run(samples, Choose(samples, estimator, options), permutations, seed);
    }

    /// <summary>
    /// As <see cref="Estimate(ConditionalSamples, string, CmiOptions?, int, ulong, bool)"/> with an estimator instance
    /// — one from another assembly, e.g. MutualInfo.Neural's neural CMI estimator — instead of a name.
    /// </summary>
    public static MiEstimate Estimate(ConditionalSamples samples, ICmiEstimator estimator, int permutations = 0, ulong seed = 1, bool standardize = true)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(estimator);
        if (permutations < 0) throw new ArgumentOutOfRangeException(nameof(permutations), $"must be 0 or more, got {permutations}");
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireVariation(samples);
        if (standardize) samples = ConditionalStandardization.Apply(samples);
        return Run(samples, estimator, permutations, seed);
    }

    private static MiEstimate Run(ConditionalSamples samples, ICmiEstimator chosen, int permutations, ulong seed)
    {
        CmiValidation.RequireRows(samples, chosen.MinSamples(samples), $"estimator {chosen.Name}");
        var result = chosen.Estimate(samples, seed);
        var warnings = FewValuesWarnings(samples);
        if (warnings.Count > 0) result = result with { Warnings = [.. result.Warnings, .. warnings] };
        if (permutations > 0)
            result = result with { PValue = LocalPermutationTest.PValue(chosen, samples, chosen.PointEstimate(samples, seed), permutations, seed) };
        return result;
    }

    /// <summary>
    /// The estimator for these data: <paramref name="name"/> itself, or for <see cref="Auto"/> the one the column types
    /// call for. A discrete Z with non-discrete X or Y stratifies around the estimator for (X, Y).
    /// </summary>
    public static ICmiEstimator Choose(ConditionalSamples samples, string name, CmiOptions options)
    {
        name = (name ?? Auto).ToLowerInvariant();
        if (!Estimators.Any(e => e.Name == name))
            throw new ArgumentException($"unknown conditional estimator '{name}' (available: {string.Join(", ", Estimators.Select(e => e.Name))})", "estimator");
        bool allDiscrete = samples.X.AllDiscrete && samples.Y.AllDiscrete && (samples.Z.Dim == 0 || samples.Z.AllDiscrete);
        if (name == Auto && allDiscrete) return new PlugInEstimator();
        if (samples.Z.AllDiscrete && name != "plug-in-mm" && name != "mixed-ksg")
        {
            var inner = Choose(new ConditionalSamples(samples.X, samples.Y, ConditionalSamples.Block.Empty), name, options);
            return new StratifiedCmiEstimator(inner);
        }
        if (name == Auto)
        {
            if (samples.AllContinuous) name = DefaultContinuous;
            else if (samples.Z.Dim == 0 && IsDiscreteVsContinuous(samples)) name = "ross";
            else name = "mixed-ksg";
        }
        return name switch
        {
            "plug-in-mm" when !allDiscrete => throw new ArgumentException("plug-in-mm: every column of X, Y and Z must be discrete", "estimator"),
            "plug-in-mm" => new PlugInEstimator(),
            "ross" when samples.Z.Dim > 0 || !IsDiscreteVsContinuous(samples) => throw new ArgumentException("ross: needs one of X, Y all discrete, the other all continuous, and no Z columns", "estimator"),
            "ross" => new RossEstimator(options),
            "mixed-ksg" => new KsgCmiEstimator(options, mixed: true),
            _ when !samples.AllContinuous => throw new ArgumentException($"{name}: for continuous columns only; with discrete columns use auto or mixed-ksg", "estimator"),
            "ksg-cmi" => new KsgCmiEstimator(options),
            "gaussian-cmi" => new GaussianCmiEstimator(options),
            _ => new CopulaKsgCmiEstimator(options),
        };
    }

    /// <summary>One warning per unmarked column with at most <see cref="FewDistinctValues"/> distinct values.</summary>
    public static IReadOnlyList<string> FewValuesWarnings(ConditionalSamples samples)
    {
        var warnings = new List<string>();
        foreach (var block in new[] { samples.X, samples.Y, samples.Z })
            for (int c = 0; c < block.Dim; c++)
            {
                if (block.Discrete[c]) continue;
                var distinct = new HashSet<double>();
                for (int i = 0; i < block.Count && distinct.Count <= FewDistinctValues; i++) distinct.Add(block[i, c]);
                if (distinct.Count <= FewDistinctValues && block.Count > 2 * distinct.Count)
                    warnings.Add($"column '{block.Names[c]}' has only {distinct.Count} distinct values; if it is categorical, mark it as discrete: {block.Names[c]}");
            }
        return warnings;
    }

    private static bool IsDiscreteVsContinuous(ConditionalSamples s) =>
        (s.X.AllDiscrete && !s.Y.AnyDiscrete) || (s.Y.AllDiscrete && !s.X.AnyDiscrete);
}
