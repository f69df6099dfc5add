using System.Globalization;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// Parses training objectives with the grammar of <c>MutualInfo.Bounds.BoundSpec</c>: <c>name(:key=value)*</c>, e.g.
/// <c>smile:tau=5</c>, <c>alpha-infonce:alpha=0.01</c>, <c>mine:rate=0.01</c>; a lone number is the objective's
/// one parameter (<c>smile:5</c>). Names: infonce, nwj, tuba, dv, mine, js, alpha-infonce (α default 0.5, the one
/// default of every <c>alpha-infonce</c>), smile (τ default 5). Errors are <see cref="ArgumentException"/>s starting with <c>--estimators: </c>.
/// </summary>
public static class ObjectiveSpec
{
    private const string Parameter = "estimators";

    /// <summary>The names <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["infonce", "nwj", "tuba", "dv", "mine", "js", "alpha-infonce", "smile"];

    /// <summary>Creates the objective named by <paramref name="text"/>.</summary>
    public static MiObjective Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':');
        string name = parts[0].Trim().ToLowerInvariant();
        string? key = ParameterKey(name);
        double? parameter = ParseParameter(name, key, parts.AsSpan(1));
        try
        {
            return Create(name, parameter, text);
        }
        catch (ArgumentException e) when (e.ParamName != Parameter)
        {
            throw ArgumentMessages.Rename(e, Parameter);
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
            _ => throw new ArgumentException($"unknown estimator '{text.Trim()}'; known: {string.Join(", ", Names)}", Parameter),
        };

    /// <summary>Parses a comma-separated list.</summary>
    public static IReadOnlyList<MiObjective> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] items = text.Split(',');
        if (items.Any(i => i.Trim().Length == 0)) throw new ArgumentException($"empty entry in '{text}'", Parameter);
        return items.Select(Parse).ToArray();
    }

    private static string? ParameterKey(string name) => name switch
    {
        "mine" => "rate",
        "alpha-infonce" => "alpha",
        "smile" => "tau",
        _ => null,
    };

    private static double? ParseParameter(string name, string? key, ReadOnlySpan<string> parts)
    {
        if (parts.Length == 0) return null;
        if (key is null) throw new ArgumentException($"{name} takes no parameters, got '{parts[0].Trim()}'", Parameter);
        if (parts.Length > 1) throw new ArgumentException($"{name} takes one parameter ({key}), got {parts.Length}", Parameter);
        string part = parts[0];
        int equals = part.IndexOf('=');
        if (equals >= 0)
        {
            string given = part[..equals].Trim().ToLowerInvariant();
            if (given != key) throw new ArgumentException($"{name}: unknown parameter '{given}'; known: {key}", Parameter);
            part = part[(equals + 1)..];
        }
        string number = part.Trim();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name}: {key} must be a finite number, got '{number}'", Parameter);
    }
}
