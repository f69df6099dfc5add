using System.Globalization;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// Parses objective names as used on the command line: <c>infonce</c>, <c>nwj</c>, <c>tuba</c>, <c>dv</c>,
/// <c>mine[:rate]</c>, <c>js</c>, <c>alpha-infonce[:α]</c> (default 0.01), <c>smile[:τ]</c> (default 5).
/// </summary>
public static class ObjectiveSpec
{
    /// <summary>The names <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["infonce", "nwj", "tuba", "dv", "mine", "js", "alpha-infonce", "smile"];

    /// <summary>Creates the objective named by <paramref name="text"/>; throws <see cref="UsageException"/> otherwise.</summary>
    public static MiObjective Parse(string text)
    {
        string[] parts = text.Trim().ToLowerInvariant().Split(':', 2);
        string name = parts[0];
        double? parameter = parts.Length == 2 ? ParseParameter(name, parts[1]) : null;
        MiObjective objective = name switch
        {
            "infonce" => new InfoNceObjective(),
            "nwj" => new NwjObjective(),
            "tuba" => new TubaObjective(),
            "dv" => new DvObjective(),
            "mine" => new MineObjective(parameter ?? 0.01),
            "js" => new JsObjective(),
            "alpha-infonce" => new AlphaInfoNceObjective(parameter ?? 0.01),
            "smile" => new SmileObjective(parameter ?? 5),
            _ => throw new UsageException($"--estimators: unknown estimator '{text}' (expected one of {string.Join(", ", Names)})"),
        };
        if (parameter.HasValue && name is not ("mine" or "alpha-infonce" or "smile"))
            throw new UsageException($"--estimators: '{name}' takes no parameter, got '{text}'");
        return objective;
    }

    private static double ParseParameter(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"--estimators: '{name}' parameter must be a number, got '{text}'");
}
