using System.Globalization;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// Parses training objectives with the grammar of <c>MutualInfo.Bounds.BoundSpec</c>: <c>name(:key=value)*</c>, e.g.
/// <c>smile:tau=5</c>, <c>alpha-infonce:alpha=0.01</c>, <c>mine:rate=0.01</c>; a lone number is the objective's
/// one parameter (<c>smile:5</c>). Names: infonce, nwj, tuba, dv, mine, js, alpha-infonce (α default 0.5, the one
/// default of every <c>alpha-infonce</c>), smile (τ default 5). Errors are <see cref="UsageException"/>s starting with <c>--estimators: </c>.
/// </summary>
public static class ObjectiveSpec
{
    private const string Flag = "--estimators: ";

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
        return name switch
        {
            "infonce" => new InfoNceObjective(),
            "nwj" => new NwjObjective(),
            "tuba" => new TubaObjective(),
            "dv" => new DvObjective(),
            "mine" => new MineObjective(parameter ?? MineObjective.DefaultRate),
            "js" => new JsObjective(),
            "alpha-infonce" => new AlphaInfoNceObjective(parameter ?? AlphaInfoNceObjective.DefaultAlpha),
            "smile" => new SmileObjective(parameter ?? SmileObjective.DefaultTau),
            _ => throw new UsageException($"{Flag}unknown estimator '{text.Trim()}'; known: {string.Join(", ", Names)}"),
        };
    }

    /// <summary>Parses a comma-separated list.</summary>
    public static IReadOnlyList<MiObjective> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] items = text.Split(',');
        if (items.Any(i => i.Trim().Length == 0)) throw new UsageException($"{Flag}empty entry in '{text}'");
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
        if (key is null) throw new UsageException($"{Flag}{name} takes no parameters, got '{parts[0].Trim()}'");
        if (parts.Length > 1) throw new UsageException($"{Flag}{name} takes one parameter ({key}), got {parts.Length}");
        string part = parts[0];
        int equals = part.IndexOf('=');
        if (equals >= 0)
        {
            string given = part[..equals].Trim().ToLowerInvariant();
            if (given != key) throw new UsageException($"{Flag}{name}: unknown parameter '{given}'; known: {key}");
            part = part[(equals + 1)..];
        }
        string number = part.Trim();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{Flag}{name}: {key} must be a finite number, got '{number}'");
    }
}
