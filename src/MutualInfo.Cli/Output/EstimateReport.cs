using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Estimators;

namespace MutualInfo.Cli.Output;

/// <summary>Renders an <see cref="MiEstimate"/>: the JSON contract of `mi estimate --json`, and the human summary.</summary>
internal static class EstimateReport
{
    /// <param name="e">The estimate.</param>
    /// <param name="settings">The run's settings, written as the "settings" object.</param>
    /// <param name="extra">Further top-level fields written after "dim_y" (e.g. a conditional estimate's "dim_z").</param>
    public static string Json(MiEstimate e, IReadOnlyDictionary<string, object?> settings, Action<Utf8JsonWriter>? extra = null)
    {
        return JsonText.Indented(w =>
        {
            w.WriteStartObject();
            w.WriteString("estimator", e.Estimator);
            w.WriteNumberOrNull("mi", e.Mi);
            w.WriteNumberOrNull("std_error", e.StdError);
            w.WriteInterval("ci95", e.Ci95Low, e.Ci95High);
            w.WriteNumber("n_samples", e.NSamples);
            w.WriteNumber("dim_x", e.DimX);
            w.WriteNumber("dim_y", e.DimY);
            extra?.Invoke(w);
            w.WriteNumberOrNull("log_n_cap", e.LogNCap);
            w.WriteNumberOrNull("p_value", e.PValue);
            w.WriteStartArray("warnings");
            foreach (string warning in e.Warnings) w.WriteStringValue(LibraryErrors.Advise(warning));
            w.WriteEndArray();
            w.WriteString("uncertainty_method", e.UncertaintyMethod);
            w.WriteStartObject("reliability");
            w.WriteString("verdict", e.Reliability.Verdict);
            w.WriteStartArray("reasons");
            foreach (string reason in e.Reliability.Reasons) w.WriteStringValue(reason);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("settings");
            foreach (var (key, value) in settings)
            {
                switch (value)
                {
                    case null: w.WriteNull(key); break;
                    case bool b: w.WriteBoolean(key, b); break;
                    case int i: w.WriteNumber(key, i); break;
                    case ulong u: w.WriteNumber(key, u); break;
                    case double d: w.WriteNumberOrNull(key, d); break;
                    case IEnumerable<string> strings:
                        // Column names may contain commas: an array keeps them apart.
                        w.WriteStartArray(key);
                        foreach (string s in strings) w.WriteStringValue(s);
                        w.WriteEndArray();
                        break;
                    default: w.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }, relaxedEscaping: true);
    }

    public static string Human(MiEstimate e, string source, IReadOnlyList<string> xNames, IReadOnlyList<string> yNames, int permutations, IReadOnlyList<string>? zNames = null)
    {
        var s = new StringBuilder();
        bool conditional = zNames is { Count: > 0 };
        s.AppendLine(conditional
            ? Invariant($"Conditional MI estimate I(X;Y|Z) ({e.Estimator}) from {source}: n = {e.NSamples}, X = {Columns(xNames)}, Y = {Columns(yNames)}, Z = {Columns(zNames!)}")
            : Invariant($"MI estimate ({e.Estimator}) from {source}: n = {e.NSamples}, X = {Columns(xNames)}, Y = {Columns(yNames)}"));
        s.AppendLine(double.IsPositiveInfinity(e.Mi)
            ? "  MI            infinite"
            : Invariant($"  MI          {e.Mi,10:0.0000} nats  ({e.Mi / Math.Log(2):0.0000} bits)"));
        s.AppendLine(Invariant($"  std. error  {Format(e.StdError)}"));
        s.AppendLine(Invariant($"  95% CI      [{Format(e.Ci95Low).Trim()}, {Format(e.Ci95High).Trim()}]"));
        if (e.PValue is double p)
            s.AppendLine(conditional
                ? Invariant($"  p-value     {p,10:0.0000}  (conditional independence, {permutations} local permutations)")
                : Invariant($"  p-value     {p,10:0.0000}  (independence, {permutations} permutations)"));
        if (e.LogNCap is double cap) s.AppendLine(Invariant($"  log n cap   {cap,10:0.0000}"));
        s.AppendLine($"  uncertainty {e.UncertaintyMethod}");
        s.AppendLine($"  reliability {e.Reliability.Verdict}");
        foreach (string reason in e.Reliability.Reasons) s.AppendLine($"    because {reason}");
        foreach (string warning in e.Warnings) s.AppendLine($"  warning: {LibraryErrors.Advise(warning)}");
        return s.ToString();
    }

    private static string Format(double v) => v switch
    {
        double.PositiveInfinity => "         ∞",
        _ when double.IsFinite(v) => v.ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(10),
        _ => "       n/a",
    };

    private static string Columns(IReadOnlyList<string> names) =>
        names.Count <= 6 ? string.Join(",", names) : $"{string.Join(",", names.Take(3))},…,{names[^1]} ({names.Count} columns)";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
