using MutualInfo.Estimators;
using MutualInfo.Neural.Objectives;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// The estimators `mi estimate`, `mi bmi` and `mi bench` can run, by CLI name: the core estimators, then the neural
/// ones from <see cref="ObjectiveNames.DataEstimators"/> (the one list of objective names).
/// </summary>
internal static class DataEstimatorCatalog
{
    public const string Default = EstimatorNames.Default;

    // How the CLI builds each core estimator from its flags; the names and descriptions come from EstimatorNames.
    private static readonly Dictionary<string, Func<DataEstimatorSettings, IMiEstimator>> CoreFactories = new()
    {
        [EstimatorNames.KsgCopula] = s => new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = s.Ksg(KsgVariant.First), ResidualBiasAllowance = s.BiasAllowance, HeldOutLowerBound = s.HeldOutLowerBound() }),
        [EstimatorNames.Ksg] = s => new KsgEstimator(s.Ksg(KsgVariant.First)),
        [EstimatorNames.Ksg2] = s => new KsgEstimator(s.Ksg(KsgVariant.Second)),
        [EstimatorNames.Gaussian] = s => new GaussianEstimator(s.Gaussian()),
    };

    private static readonly (string Name, string Description, Func<DataEstimatorSettings, IMiEstimator> Create)[] Entries =
    [
        .. EstimatorNames.All.Select(e => (e.Name, e.Description, CoreFactories.TryGetValue(e.Name, out var create)
            ? create
            : throw new InvalidOperationException($"EstimatorNames lists '{e.Name}' but DataEstimatorCatalog cannot build it"))),
        .. ObjectiveNames.DataEstimators.Select(o => (o.Name, $"neural: {o.Description}", (Func<DataEstimatorSettings, IMiEstimator>)(s => s.Neural(o.DefaultSpec)))),
    ];

    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    public static string HelpText => string.Join("; ", Entries.Select(e => $"{e.Name}: {e.Description}"));

    public static IMiEstimator Create(string name, DataEstimatorSettings settings)
    {
        foreach (var entry in Entries)
            if (entry.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return entry.Create(settings);
        throw new UsageException($"--estimator: unknown estimator '{name}' (available: {string.Join(", ", Names)})");
    }
}
