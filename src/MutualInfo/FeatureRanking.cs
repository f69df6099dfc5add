using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Randomness;

namespace MutualInfo;

/// <summary>Settings of <see cref="FeatureRanking.Rank"/>.</summary>
public sealed record RankOptions
{
    /// <summary>Neighbours k of the k-NN estimators.</summary>
    public int K { get; init; } = 3;
    /// <summary>Half-splits behind each feature's SE.</summary>
    public int Splits { get; init; } = 10;
    /// <summary>Gaussian surrogates behind each continuous feature's bias correction.</summary>
    public int Surrogates { get; init; } = 4;
    /// <summary>Permutations behind each p-value (shared by all continuous features without ties; see <see cref="FeatureRanking"/>).</summary>
    public int Permutations { get; init; } = 200;
    /// <summary>Also run the greedy conditional selection.</summary>
    public bool Conditional { get; init; }
    /// <summary>At most this many features are selected greedily.</summary>
    public int MaxSelected { get; init; } = 10;
    /// <summary>Worker threads (the features are spread over them).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Permutations < 1) throw new ArgumentOutOfRangeException("options.Permutations", $"mi rank needs at least 1 permutation for its p-values, got {Permutations}");
        if (MaxSelected < 1) throw new ArgumentOutOfRangeException("options.MaxSelected", $"must be at least 1, got {MaxSelected}");
        Cmi(1).Validate();
    }

    internal CmiOptions Cmi(int threads) => new() { K = K, Splits = Splits, Surrogates = Surrogates, Threads = threads };
}

/// <summary>One feature's MI with the target.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Estimator">Estimator that produced <paramref name="Mi"/>.</param>
/// <param name="Mi">I(feature; target) in nats.</param>
/// <param name="StdError">Its SE.</param>
/// <param name="Ci95Low">Lower 95% CI end.</param>
/// <param name="Ci95High">Upper 95% CI end.</param>
/// <param name="PValue">Permutation p-value of independence.</param>
/// <param name="QValue">Benjamini–Hochberg q-value over all features.</param>
public sealed record FeatureScore(string Name, string Estimator, double Mi, double StdError, double Ci95Low, double Ci95High, double PValue, double QValue);

/// <summary>One step of the greedy conditional selection: the best remaining feature's CMI with the target given those chosen before.</summary>
/// <param name="Step">1-based step.</param>
/// <param name="Name">The feature.</param>
/// <param name="Cmi">I(feature; target | chosen so far) in nats.</param>
/// <param name="StdError">Its SE.</param>
/// <param name="Ci95Low">Lower CI end.</param>
/// <param name="Ci95High">Upper CI end.</param>
/// <param name="Selected">False for the last step shown, whose CI covers 0 (the stopping rule).</param>
public sealed record SelectionStep(int Step, string Name, double Cmi, double StdError, double Ci95Low, double Ci95High, bool Selected);

/// <summary>The ranking: features sorted by MI (descending), and the greedy selection when asked for.</summary>
/// <param name="Target">Target column name.</param>
/// <param name="Samples">Rows n.</param>
/// <param name="Features">Every feature, sorted by MI, largest first.</param>
/// <param name="Selection">Greedy conditional steps, or null.</param>
/// <param name="Method">How estimates, CIs and p-values were obtained.</param>
public sealed record RankResult(string Target, int Samples, IReadOnlyList<FeatureScore> Features, IReadOnlyList<SelectionStep>? Selection, string Method);

/// <summary>
/// Feature screening: the MI of every feature column with a target, with SE, 95% CI, permutation p-value and
/// Benjamini–Hochberg q-value, features spread over the threads (results do not depend on the thread count).
/// Continuous pairs use the normal-scores KSG with a Gaussian-surrogate bias correction (as `ksg-cmi-copula`);
/// discrete or mixed pairs the estimator <see cref="ConditionalMi.Choose"/> picks. The p-value statistic is the
/// uncorrected estimate. For continuous features and target without ties it is a function of the ranks' pairing
/// alone, so under independence its distribution is the same for every such feature: one permutation null serves
/// them all (exactly, not as an approximation; continuous columns are first replaced by ranks with ties broken at
/// random, which makes every pair tie-free); discrete features and a discrete target get their own permutations.
/// Optionally a greedy forward selection by I(f; target | chosen), stopping at the first step whose CI covers 0.
/// </summary>
public static class FeatureRanking
{
    /// <summary>Ranks <paramref name="features"/> against the one-column <paramref name="target"/>.</summary>
    /// <example>
    /// <code>
    /// // Rank the columns a, b, c of a CSV file by their MI with the column "label", with p- and q-values.
    /// ConditionalSamples data = ConditionalCsv.Read("data.csv", new ConditionalColumns(X: "a,b,c", Y: "label", Z: null, Discrete: null));
    /// RankResult ranking = FeatureRanking.Rank(data.X, data.Y, new RankOptions { Permutations = 200 }, seed: 1);
    /// foreach (FeatureScore f in ranking.Features) Console.WriteLine($"{f.Name}: {f.Mi:0.000} nats, q = {f.QValue:0.000}");
    /// </code>
    /// </example>
    public static RankResult Rank(ConditionalSamples.Block features, ConditionalSamples.Block target, RankOptions? options = null, ulong seed = 1)
    {
        options ??= new RankOptions();
        options.Validate();
        if (target.Dim != 1) throw new ArgumentException($"exactly one target column is needed, got {target.Dim}", "target");
        if (features.Dim < 1) throw new ArgumentException("no feature columns to rank", "features");
        foreach (string name in features.Names)
            if (name == target.Names[0]) throw new ArgumentException($"'{name}' is the target; a target cannot also be a feature", "features");
        var all = new ConditionalSamples(features, target, ConditionalSamples.Block.Empty);
        CmiValidation.RequireFinite(all);
        CmiValidation.RequireVariation(all);
        features = RanksWithRandomTieBreaks(features, seed);
        target = RanksWithRandomTieBreaks(target, seed ^ 0x5bd1e995UL);
        features = Standardize(features, target, out target);
        int n = target.Count;
        var cmi = options.Cmi(1);
        bool targetTieFree = !target.Discrete[0];
        var shared = new Lazy<double[]>(() => SharedNull(n, options, seed));
        var scores = new FeatureScore[features.Dim];
        Parallel.For(0, features.Dim, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, f =>
        {
            var column = features.Columns([f]);
            var pair = new ConditionalSamples(column, target, ConditionalSamples.Block.Empty);
            var estimator = ConditionalMi.Choose(pair, ConditionalMi.Auto, cmi);
            ulong featureSeed = seed + 1_000_003UL * (ulong)(f + 1);
            var e = estimator.Estimate(pair, featureSeed);
            double statistic = estimator.PointEstimate(pair, featureSeed);
            bool sharable = estimator is CopulaKsgCmiEstimator && targetTieFree;
            double p = ResolvedPValue(sharable ? shared.Value : LocalPermutationTest.Nulls(estimator, pair, options.Permutations, featureSeed), statistic);
            scores[f] = new FeatureScore(column.Names[0], e.Estimator, e.Mi, e.StdError, e.Ci95Low, e.Ci95High, p, double.NaN);
        });
        var q = BenjaminiHochberg(scores.Select(s => s.PValue).ToArray());
        var ranked = scores.Select((s, i) => s with { QValue = q[i] }).OrderByDescending(s => s.Mi).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray();
        var selection = options.Conditional ? Select(features, target, options, seed) : null;
        return new RankResult(target.Names[0], n, ranked, selection,
            $"MI per feature with SE from {options.Splits} half-splits (CI = ± t·SE) and, for continuous pairs, a bias correction from {options.Surrogates} Gaussian surrogates; " +
            $"p-values from {options.Permutations} permutations of the uncorrected statistic (one shared null for continuous pairs), beyond the permutations' resolution a normal tail fitted to the null; q-values by Benjamini–Hochberg");
    }

    /// <summary>Benjamini–Hochberg adjusted p-values (q-values), in the input order.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        int m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ToArray();
        var q = new double[m];
        double running = 1;
        for (int r = m - 1; r >= 0; r--)
        {
            running = Math.Min(running, p[order[r]] * m / (r + 1));
            q[order[r]] = running;
        }
        return q;
    }

    // The uncorrected normal-scores KSG on normal scores of 1…n paired by a random permutation: the null of every
    // tie-free continuous feature.
    private static double[] SharedNull(int n, RankOptions options, ulong seed)
    {
        var scores = new double[n];
        for (int r = 0; r < n; r++) scores[r] = Numerics.SpecialFunctions.NormalQuantile((r + 0.5) / n);
        var estimator = new CopulaKsgCmiEstimator(options.Cmi(1));
        var block = new ConditionalSamples.Block(scores, 1, ["f"]);
        var nulls = new double[options.Permutations];
        Parallel.For(0, options.Permutations, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, b =>
        {
            var perm = Statistics.Resampling.Permutation(Rng.ForStream(seed, (ulong)b + 900_000), n);
            var target = new ConditionalSamples.Block(perm.Select(i => scores[i]).ToArray(), 1, ["t"]);
            nulls[b] = estimator.PointEstimate(new ConditionalSamples(block, target, ConditionalSamples.Block.Empty), seed + (ulong)b);
        });
        return nulls;
    }

    /// <summary>
    /// The permutation p-value (1 + #{null ≥ observed}) / (1 + K); when the observed value exceeds every null value,
    /// the permutations only say p &lt; 1/(K + 1), which after Benjamini–Hochberg over many features would hide every
    /// strong feature (200 features, K = 200: q ≥ 0.3 for all). Then the upper tail of a normal fitted to the null
    /// (mean, sd) is reported instead, capped at 1/(K + 1): the statistic is a mean of n weakly dependent terms,
    /// close to normal under independence.
    /// </summary>
    public static double ResolvedPValue(IReadOnlyList<double> nulls, double observed)
    {
        double p = LocalPermutationTest.PValueFrom(nulls, observed);
        if (nulls.Any(v => v >= observed) || nulls.Count < 2) return p;
        double mean = nulls.Average(), sd = Math.Sqrt(nulls.Sum(v => (v - mean) * (v - mean)) / (nulls.Count - 1));
        if (!(sd > 0)) return p;
        double tail = 0.5 * Numerics.SpecialFunctions.Erfc((observed - mean) / (sd * Math.Sqrt(2)));
        return Math.Min(p, tail);
    }

    private static List<SelectionStep> Select(ConditionalSamples.Block features, ConditionalSamples.Block target, RankOptions options, ulong seed)
    {
        var steps = new List<SelectionStep>();
        var chosen = new List<int>();
        var remaining = Enumerable.Range(0, features.Dim).ToList();
        while (remaining.Count > 0 && chosen.Count < options.MaxSelected)
        {
            var z = chosen.Count == 0 ? ConditionalSamples.Block.Empty : features.Columns(chosen);
            var point = new double[remaining.Count];
            Parallel.For(0, remaining.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, r =>
            {
                var data = new ConditionalSamples(features.Columns([remaining[r]]), target, z);
                point[r] = ConditionalMi.Choose(data, ConditionalMi.Auto, options.Cmi(1)).PointEstimate(data, seed + (ulong)r);
            });
            int best = Enumerable.Range(0, remaining.Count).OrderByDescending(r => point[r]).ThenBy(r => remaining[r]).First();
            int f = remaining[best];
            var e = ConditionalMi.Estimate(new ConditionalSamples(features.Columns([f]), target, z), ConditionalMi.Auto, options.Cmi(options.Threads), 0, seed + (ulong)steps.Count, standardize: false);
            bool selected = e.Ci95Low > 0;
            steps.Add(new SelectionStep(steps.Count + 1, features.Names[f], e.Mi, e.StdError, e.Ci95Low, e.Ci95High, selected));
            if (!selected) break;
            chosen.Add(f);
            remaining.RemoveAt(best);
        }
        return steps;
    }

    private static ConditionalSamples.Block Standardize(ConditionalSamples.Block features, ConditionalSamples.Block target, out ConditionalSamples.Block scaledTarget)
    {
        var s = ConditionalStandardization.Apply(new ConditionalSamples(features, target, ConditionalSamples.Block.Empty));
        scaledTarget = s.Y;
        return s.X;
    }

    // Continuous columns become their ranks 0…n−1, tied values ordered at random (seeded per column): MI is
    // unchanged where there are no ties, rounding ties are broken as tie noise would break them, and every
    // continuous column then holds the same set of values, which makes the shared permutation null exact.
    private static ConditionalSamples.Block RanksWithRandomTieBreaks(ConditionalSamples.Block block, ulong seed)
    {
        int n = block.Count, dim = block.Dim;
        var values = (double[])block.Values.Clone();
        for (int c = 0; c < dim; c++)
        {
            if (block.Discrete[c]) continue;
            var rng = Rng.ForStream(seed, (ulong)c + 31);
            var keys = new (double Value, ulong Tie)[n];
            for (int i = 0; i < n; i++) keys[i] = (block[i, c], rng.NextUInt64());
            var order = Enumerable.Range(0, n).ToArray();
            Array.Sort(keys, order);
            for (int r = 0; r < n; r++) values[order[r] * dim + c] = r;
        }
        return new ConditionalSamples.Block(values, dim, block.Names, block.Discrete);
    }
}
