namespace MutualInfo.Neural.Objectives;

/// <summary>
/// The one list of training objective names: <see cref="ObjectiveSpec"/> parses them, <see cref="Estimation.NeuralEstimator"/>
/// accepts the <see cref="ObjectiveName.DataEstimator"/> ones, and the CLI builds its help text, its <c>--estimator</c>
/// catalog and its error messages from it. A typo is answered with the names valid where it was typed.
/// </summary>
public static class ObjectiveNames
{
    /// <summary>Every objective, data estimators first (in the order help and messages list them).</summary>
    public static IReadOnlyList<ObjectiveName> All { get; } =
    [
        new("infonce", null, null, true, "InfoNCE with a learned separable critic, trained on half the rows, estimated on the held-out half (≤ log n_test)"),
        new("nwj", null, null, true, "NWJ with a learned separable critic, held-out estimate"),
        new("smile", "tau", SmileObjective.DefaultTau, true, "SMILE (τ = 5; JS-trained critic, clipped DV value), held-out estimate"),
        new("js", null, null, true, "f-GAN JS-trained critic reported through NWJ(S + 1), held-out estimate"),
        new("dv", null, null, true, "Donsker–Varadhan with a learned critic, held-out estimate"),
        new("tuba", null, null, false, "TUBA with a learned baseline log a(y) = 0 (training only)"),
        new("mine", "rate", MineObjective.DefaultRate, false, "MINE: DV with a moving-average denominator (training only)"),
        new("alpha-infonce", "alpha", AlphaInfoNceObjective.DefaultAlpha, false, "α-InfoNCE, interpolating InfoNCE (α = 1) and TUBA (α = 0) (training only)"),
    ];

    /// <summary>Every name <see cref="ObjectiveSpec.Parse(string)"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(o => o.Name).ToArray();

    /// <summary>The objectives the neural data estimator runs (<c>mi estimate --estimator</c>, <c>mi bench</c>).</summary>
    public static IReadOnlyList<ObjectiveName> DataEstimators { get; } = All.Where(o => o.DataEstimator).ToArray();

    /// <summary>Names of <see cref="DataEstimators"/>.</summary>
    public static IReadOnlyList<string> DataEstimatorNames { get; } = DataEstimators.Select(o => o.Name).ToArray();

    /// <summary>The entry named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ObjectiveName? Find(string name) =>
        All.FirstOrDefault(o => o.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
}
