using System.Globalization;
using MutualInfo.Benchmarking;
using MutualInfo.Cli.Commands;
using MutualInfo.Estimators;

namespace MutualInfo.Cli.Bench;

/// <summary>
/// Parses `mi bench --estimators` specifications, <c>name[:key=value,…]</c>, over the estimators of
/// <see cref="DataEstimatorCatalog"/> (so an estimator added there is benchmarkable at once). Keys: k, variant
/// (1 or 2, KSG only), splits, bias-allowance, resamples, tie-noise, search, lower-bound (ksg-copula: 1, the default,
/// consults the held-out neural lower bound as `mi estimate` does; 0 does not). The canonical form (name, then the given keys sorted)
/// labels the results.
/// </summary>
internal static class BenchEstimatorParser
{
    private const string Flag = "--estimators";

    /// <summary>Half-splits behind a KSG cell's SE; fewer than `mi estimate`'s 30 because a grid has many cells.</summary>
    public const int DefaultSplits = 10;

    /// <summary>Bootstrap resamples behind a Gaussian cell's SE.</summary>
    public const int DefaultResamples = 100;

    private static readonly string[] Keys = ["k", "variant", "splits", "bias-allowance", "resamples", "tie-noise", "search", "lower-bound"];

    // Keys that would be silently ignored are rejected. Every estimator of the catalog must be listed (a test checks it),
    // and AllowedKeys refuses to guess for one that is not: no estimator silently accepts every key.
    internal static readonly IReadOnlyDictionary<string, string[]> KeysByEstimator = new Dictionary<string, string[]>()
    {
        ["ksg"] = ["k", "variant", "splits", "bias-allowance", "tie-noise", "search"],
        ["ksg-copula"] = ["k", "splits", "bias-allowance", "tie-noise", "search", "lower-bound"],
        ["ksg2"] = ["k", "splits", "bias-allowance", "tie-noise", "search"],
        ["gaussian"] = ["resamples"],
        ["infonce"] = [], ["nwj"] = [], ["smile"] = [], ["js"] = [], ["dv"] = [],
    };

    public static BenchEstimator Parse(string spec, int threads)
    {
        string text = spec.Trim();
        int colon = text.IndexOf(':');
        string name = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        if (!DataEstimatorCatalog.Names.Contains(name))
            throw new UsageException($"{Flag}: unknown estimator '{name}' in '{spec}' (available: {string.Join(", ", DataEstimatorCatalog.Names)})");
        var values = ParseKeys(colon < 0 ? "" : text[(colon + 1)..], spec);
        string[] allowed = AllowedKeys(name);
        if (values.Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } stray)
            throw new UsageException($"{Flag}: key '{stray}' does not apply to {name} in '{spec}' (its keys: {string.Join(", ", allowed)})");
        var settings = new DataEstimatorSettings(
            Int(values, "k", 3, spec), Double(values, "tie-noise", 1e-10, spec), Int(values, "splits", DefaultSplits, spec),
            Int(values, "resamples", DefaultResamples, spec), Double(values, "bias-allowance", KsgOptions.DefaultBiasAllowance, spec),
            Search(values, spec), threads, LowerBoundCheck: Flag01(values, "lower-bound", spec));
        string catalogName = CatalogName(name, Int(values, "variant", 1, spec), spec);
        IMiEstimator estimator;
        try
        {
            estimator = DataEstimatorCatalog.Create(catalogName, settings);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{Flag}: '{spec}': {LibraryErrors.Describe(e)}");
        }
        string canonical = values.Count == 0 ? name : $"{name}:{string.Join(",", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
        return new BenchEstimator(canonical, estimator);
    }

    /// <summary>The keys <paramref name="name"/> takes; an estimator missing from the table is a programming error.</summary>
    internal static string[] AllowedKeys(string name) => KeysByEstimator.TryGetValue(name, out string[]? allowed)
        ? allowed
        : throw new InvalidOperationException($"estimator '{name}' has no entry in BenchEstimatorParser.KeysByEstimator: list the keys it takes");

    private static string CatalogName(string name, int variant, string spec) => (name, variant) switch
    {
        (_, 1) => name,
        ("ksg", 2) => "ksg2",
        ("ksg", _) => throw new UsageException($"{Flag}: variant must be 1 or 2, got {variant} in '{spec}'"),
        _ => throw new UsageException($"{Flag}: the key variant applies to ksg only, in '{spec}'"),
    };

    private static SortedDictionary<string, string> ParseKeys(string text, string spec)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (text.Trim().Length == 0) return values;
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int eq = item.IndexOf('=');
            if (eq <= 0) throw new UsageException($"{Flag}: expected key=value, got '{item}' in '{spec}'");
            string key = item[..eq].Trim().ToLowerInvariant(), value = item[(eq + 1)..].Trim();
            if (!Keys.Contains(key)) throw new UsageException($"{Flag}: unknown key '{key}' in '{spec}' (known: {string.Join(", ", Keys)})");
            if (!values.TryAdd(key, value)) throw new UsageException($"{Flag}: key '{key}' given twice in '{spec}'");
        }
        return values;
    }

    private static int Int(IDictionary<string, string> values, string key, int fallback, string spec)
    {
        if (!values.TryGetValue(key, out string? text)) return fallback;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            throw new UsageException($"{Flag}: {key} must be an integer, got '{text}' in '{spec}'");
        values[key] = value.ToString(CultureInfo.InvariantCulture);
        return value;
    }

    private static bool Flag01(IDictionary<string, string> values, string key, string spec) =>
        Int(values, key, 1, spec) switch
        {
            0 => false,
            1 => true,
            var other => throw new UsageException($"{Flag}: {key} must be 0 or 1, got {other} in '{spec}'"),
        };

    private static double Double(IDictionary<string, string> values, string key, double fallback, string spec)
    {
        if (!values.TryGetValue(key, out string? text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new UsageException($"{Flag}: {key} must be a number, got '{text}' in '{spec}'");
        values[key] = value.ToString("R", CultureInfo.InvariantCulture);
        return value;
    }

    private static NeighbourSearch Search(IDictionary<string, string> values, string spec)
    {
        if (!values.TryGetValue("search", out string? text)) return NeighbourSearch.Auto;
        if (!Enum.TryParse(text, ignoreCase: true, out NeighbourSearch search) || !Enum.IsDefined(search))
            throw new UsageException($"{Flag}: search must be one of {string.Join(", ", Enum.GetNames<NeighbourSearch>())}, got '{text}' in '{spec}'");
        values["search"] = search.ToString().ToLowerInvariant();
        return search;
    }
}
