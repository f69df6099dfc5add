using System.Globalization;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// Parses training objectives with the grammar of <c>MutualInfo.Bounds.BoundSpec</c>: <c>name(:key=value)*</c>, e.g.
/// <c>smile:tau=5</c>, <c>alpha-infonce:alpha=0.01</c>, <c>mine:rate=0.01</c>; a lone number is the objective's
/// one parameter (<c>smile:5</c>). Names (<see cref="ObjectiveNames"/>): infonce, nwj, smile, js, dv, tuba, mine, alpha-infonce (α default 0.5, the one
/// default of every <c>alpha-infonce</c>), smile (τ default 5). Errors are <see cref="ArgumentException"/>s naming the parameter <c>estimators</c>.
/// </summary>
public static class ObjectiveSpec
{
    private const string Parameter = "estimators";

    /// <summary>The names <see cref="Parse(string)"/> accepts (<see cref="ObjectiveNames.Names"/>).</summary>
    public static IReadOnlyList<string> Names => ObjectiveNames.Names;

    /// <summary>Creates the objective named by <paramref name="text"/>.</summary>
    public static MiObjective Parse(string text) => Parse(text, ObjectiveNames.All, Parameter);

    /// <summary>
    /// Creates the objective named by <paramref name="text"/>, one of <paramref name="allowed"/>: an unknown name is
    /// answered with those names only; errors name <paramref name="parameterName"/>.
    /// </summary>
    internal static MiObjective Parse(string text, IReadOnlyList<ObjectiveName> allowed, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':');
        string name = parts[0].Trim().ToLowerInvariant();
        if (!allowed.Any(o => o.Name == name))
        {
            string known = string.Join(", ", allowed.Select(o => o.Name));
            throw new ArgumentException(ObjectiveNames.Find(name) is null
                ? $"unknown estimator '{text.Trim()}'; known: {known}"
                : $"the objective '{name}' is not available here (available: {known})", parameterName);
        }
        string? key = ObjectiveNames.Find(name)!.ParameterKey;
        double? parameter = ParseParameter(name, key, parts.AsSpan(1), parameterName);
        try
        {
            return Create(name, parameter, text);
        }
        catch (ArgumentException e) when (e.ParamName != parameterName)
        {
            throw ArgumentMessages.Rename(e, parameterName);
        }
    }

    private static MiObjective Create(string name, double? parameter, string text) =>
        name switch
        {
            "infonce" => new InfoNceObjective(),
            "nwj" => new NwjObjective(),
            "tuba" => new TubaObjective(),
            "dv" => new DvObjective(),
            "mine" => new MineObjective(parameter ?? MineObjective.DefaultRate),
            "js" => new JsObjective(),
            "alpha-infonce" => new AlphaInfoNceObjective(parameter ?? AlphaInfoNceObjective.DefaultAlpha),
            "smile" => new SmileObjective(parameter ?? SmileObjective.DefaultTau),
            _ => throw new InvalidOperationException($"objective '{name}' is listed in ObjectiveNames but has no constructor here ('{text}')"),
        };

    /// <summary>Parses a comma-separated list.</summary>
    public static IReadOnlyList<MiObjective> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] items = text.Split(',');
        if (items.Any(i => i.Trim().Length == 0)) throw new ArgumentException($"empty entry in '{text}'", Parameter);
        return items.Select(Parse).ToArray();
    }

    private static double? ParseParameter(string name, string? key, ReadOnlySpan<string> parts, string parameterName)
    {
        if (parts.Length == 0) return null;
        if (key is null) throw new ArgumentException($"{name} takes no parameters, got '{parts[0].Trim()}'", parameterName);
        if (parts.Length > 1) throw new ArgumentException($"{name} takes one parameter ({key}), got {parts.Length}", parameterName);
        string part = parts[0];
        int equals = part.IndexOf('=');
        if (equals >= 0)
        {
            string given = part[..equals].Trim().ToLowerInvariant();
            if (given != key) throw new ArgumentException($"{name}: unknown parameter '{given}'; known: {key}", parameterName);
            part = part[(equals + 1)..];
        }
        string number = part.Trim();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name}: {key} must be a finite number, got '{number}'", parameterName);
    }
}
