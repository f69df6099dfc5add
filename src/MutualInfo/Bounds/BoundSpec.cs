using System.Globalization;

namespace MutualInfo.Bounds;

/// <summary>
/// Parses bound specifications. Grammar (whitespace around tokens ignored, names and keys case-insensitive):
/// <code>
/// list := spec ("," spec)*
/// spec := name (":" key "=" number)*
/// </code>
/// Commas separate bounds, colons separate a bound's parameters, so
/// <c>infonce,smile:tau=5,alpha-infonce:alpha=0.5:log_a=0</c> is unambiguous. Parameters: <c>tuba:log_a</c>,
/// <c>smile:tau</c> (τ &gt; 0, default 5), <c>alpha-infonce:alpha</c> (α ∈ [0, 1], default 0.5) and
/// <c>alpha-infonce:log_a</c> (default 0). Every bound's <see cref="IBound.Spec"/> parses back to the same bound.
/// Errors are <see cref="ArgumentException"/>s whose one-line message starts with <c>--bounds: </c>.
/// </summary>
public static class BoundSpec
{
    private const string Parameter = "bounds";

    /// <summary>The canonical bound names (the JSON contract).</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["infonce", "nwj", "tuba", "dv", "mine", "smile", "js", "alpha-infonce", "loo-upper", "club", "mean-field"];

    /// <summary>Parses one bound, e.g. <c>smile:tau=5</c>.</summary>
    public static IBound Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string[] parts = spec.Split(':');
        string name = parts[0].Trim().ToLowerInvariant();
        if (name.Length == 0) throw new ArgumentException($"empty bound name in '{spec}'", Parameter);
        var parameters = ParseParameters(name, parts.AsSpan(1));
        return name switch
        {
            "infonce" => NoParameters(new InfoNceBound(), parameters),
            "nwj" => NoParameters(new NwjBound(), parameters),
            "dv" => NoParameters(new DonskerVaradhanBound(), parameters),
            "mine" => NoParameters(new MineBound(), parameters),
            "js" => NoParameters(new JensenShannonBound(), parameters),
            "loo-upper" => NoParameters(new LeaveOneOutUpperBound(), parameters),
            "club" => NoParameters(new ClubBound(), parameters),
            "mean-field" => NoParameters(new MeanFieldBound(), parameters),
            "tuba" => new TubaBound(Take(parameters, name, "log_a", 0.0, ["log_a"])),
            "smile" => new SmileBound(Tau(Take(parameters, name, "tau", SmileBound.DefaultTau, ["tau"]))),
            "alpha-infonce" => new AlphaInfoNceBound(
                Alpha(Take(parameters, name, "alpha", AlphaInfoNceBound.DefaultAlpha, ["alpha", "log_a"])),
                Take(parameters, name, "log_a", 0.0, ["alpha", "log_a"])),
            _ => throw new ArgumentException($"unknown bound '{name}'; known: {string.Join(", ", Known)}", Parameter),
        };
    }

    /// <summary>Parses a comma-separated list, e.g. <c>infonce,smile:tau=5,alpha-infonce:alpha=0.5</c>.</summary>
    public static IReadOnlyList<IBound> ParseList(string specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Trim().Length == 0) throw new ArgumentException($"no bound given; known: {string.Join(", ", Known)}", Parameter);
        var bounds = new List<IBound>();
        foreach (string spec in specs.Split(','))
        {
            if (spec.Trim().Length == 0) throw new ArgumentException($"empty entry in '{specs}'", Parameter);
            bounds.Add(Parse(spec));
        }
        return bounds;
    }

    private static Dictionary<string, double> ParseParameters(string name, ReadOnlySpan<string> parts)
    {
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string part in parts)
        {
            int equals = part.IndexOf('=');
            if (equals < 0) throw new ArgumentException($"{name}: expected key=value, got '{part.Trim()}'", Parameter);
            string key = part[..equals].Trim().ToLowerInvariant();
            string text = part[(equals + 1)..].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw new ArgumentException($"{name}: {key} must be a finite number, got '{text}'", Parameter);
            if (!parameters.TryAdd(key, value)) throw new ArgumentException($"{name}: {key} given twice", Parameter);
        }
        return parameters;
    }

    private static IBound NoParameters(IBound bound, Dictionary<string, double> parameters)
    {
        foreach (string key in parameters.Keys)
            throw new ArgumentException($"{bound.Name} takes no parameters, got '{key}'", Parameter);
        return bound;
    }

    private static double Take(Dictionary<string, double> parameters, string name, string key, double fallback, string[] accepted)
    {
        foreach (string given in parameters.Keys)
            if (Array.IndexOf(accepted, given) < 0)
                throw new ArgumentException($"{name}: unknown parameter '{given}'; known: {string.Join(", ", accepted)}", Parameter);
        return parameters.TryGetValue(key, out double value) ? value : fallback;
    }

    private static double Tau(double tau) =>
        tau > 0.0 ? tau : throw new ArgumentException($"smile: tau must be > 0, got {TubaBound.Format(tau)}", Parameter);

    private static double Alpha(double alpha) =>
        alpha is >= 0.0 and <= 1.0
            ? alpha
            : throw new ArgumentException($"alpha-infonce: alpha must lie in [0, 1], got {TubaBound.Format(alpha)}", Parameter);
}
