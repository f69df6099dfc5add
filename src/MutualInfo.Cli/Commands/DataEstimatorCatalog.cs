using MutualInfo.Estimators;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// The estimators `mi estimate` and `mi bmi` can run, by CLI name. Other assemblies' estimators (e.g. neural
/// critics) are added here as one more entry each.
/// </summary>
internal static class DataEstimatorCatalog
{
    public const string Default = "ksg-copula";

    private static readonly (string Name, string Description, Func<DataEstimatorSettings, IMiEstimator> Create)[] Entries =
    [
        ("ksg-copula", "default: KSG (k-NN) on normal scores (ranks → Φ⁻¹) minus its bias measured on Gaussian surrogates, checked against the unbiased Gaussian-copula MI and a magnitude-dependence test (reliability verdict; unreliable CIs widened); SE by half-splitting + surrogate error", s => new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = s.Ksg(KsgVariant.First), ResidualBiasAllowance = s.BiasAllowance })),
        ("ksg", "Kraskov–Stögbauer–Grassberger estimator 1 (k-NN, max-norm); SE by half-splitting", s => new KsgEstimator(s.Ksg(KsgVariant.First))),
        ("ksg2", "KSG estimator 2; SE by half-splitting", s => new KsgEstimator(s.Ksg(KsgVariant.Second))),
        ("gaussian", "Gaussian baseline −½ Σ ln(1 − ρᵢ²) from canonical correlations; SE by bootstrap", s => new GaussianEstimator(s.Gaussian())),
        ("infonce", "neural: InfoNCE with a learned separable critic, trained on half the rows, estimated on the held-out half (≤ log n_test)", s => s.Neural("infonce")),
        ("nwj", "neural: NWJ with a learned separable critic, held-out estimate", s => s.Neural("nwj")),
        ("smile", "neural: SMILE (τ = 5; JS-trained critic, clipped DV value), held-out estimate", s => s.Neural("smile:tau=5")),
        ("js", "neural: f-GAN JS-trained critic reported through NWJ(S + 1), held-out estimate", s => s.Neural("js")),
        ("dv", "neural: Donsker–Varadhan with a learned critic, held-out estimate", s => s.Neural("dv")),
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
