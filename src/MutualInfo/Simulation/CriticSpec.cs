using System.Globalization;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// A critic built from the exact log ratio: <c>exact</c>, or comma-separated steps applied in the order given to
/// f = log r — <c>scale=a</c> (f ← a·f, a &gt; 0), <c>noise=s</c> (f ← f + N(0, s²), one draw per scored pair, shared
/// by every bound), <c>clip=c</c> (f ← clamp(f, −c, c)), <c>shift=g</c> (f ← f + g(y) with g one of <c>|y|^2</c>,
/// <c>|y|</c>, <c>y1</c> (the first coordinate) or a constant, optionally times a factor: <c>0.5*|y|^2</c>).
/// Each bound then adds its own optimal shift (1 for NWJ, log a for TUBA) on top. Errors are
/// <see cref="ArgumentException"/>s starting with <c>--critic: </c>.
/// </summary>
internal sealed class CriticSpec
{
    private const string Parameter = "critic";
    private readonly CriticStep[] _steps;

    private CriticSpec(CriticStep[] steps) => _steps = steps;

    /// <summary>The exact critic log r.</summary>
    public static CriticSpec Exact { get; } = new([]);

    /// <summary>Whether this is the exact log ratio (no step).</summary>
    public bool IsExact => _steps.Length == 0;

    /// <summary>Whether the critic draws noise (the simulation then needs a random draw per scored pair).</summary>
    public bool HasNoise => _steps.Any(s => s.Kind == StepKind.Noise);

    /// <summary>Canonical text, parseable back (e.g. <c>scale=0.5,noise=0.2</c>, or <c>exact</c>).</summary>
    public string Name => IsExact ? "exact" : string.Join(",", _steps.Select(s => s.Text));

    /// <summary>Parses a critic specification (see the class summary).</summary>
    public static CriticSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length == 0) throw new ArgumentException($"empty critic; use exact or steps like scale=0.5,noise=0.3", Parameter);
        if (trimmed.Equals("exact", StringComparison.OrdinalIgnoreCase)) return Exact;
        var steps = new List<CriticStep>();
        foreach (string raw in trimmed.Split(','))
        {
            string item = raw.Trim();
            int equals = item.IndexOf('=');
            if (equals < 0) throw new ArgumentException($"expected key=value (scale, noise, clip, shift), got '{item}'", Parameter);
            string key = item[..equals].Trim().ToLowerInvariant(), value = item[(equals + 1)..].Trim();
            steps.Add(key switch
            {
                "scale" => CriticStep.Number(StepKind.Scale, key, value, v => v > 0, "a number > 0"),
                "noise" => CriticStep.Number(StepKind.Noise, key, value, v => v >= 0, "a number ≥ 0"),
                "clip" => CriticStep.Number(StepKind.Clip, key, value, v => v > 0, "a number > 0"),
                "shift" => CriticStep.Shift(value),
                _ => throw new ArgumentException($"unknown step '{key}'; known: scale, noise, clip, shift", Parameter),
            });
        }
        return new CriticSpec(steps.ToArray());
    }

    /// <summary>
    /// Applies the critic to the scores of one y: <paramref name="scores"/> holds log r of its positive and negatives.
    /// </summary>
    internal void ApplyToSingle(Span<double> scores, ReadOnlySpan<double> y, Rng rng)
    {
        foreach (CriticStep step in _steps)
        {
            if (step.Kind == StepKind.Shift)
            {
                double g = step.ShiftOf(y);
                for (int i = 0; i < scores.Length; i++) scores[i] += g;
            }
            else step.ApplyPointwise(scores, rng);
        }
    }

    /// <summary>
    /// Applies the critic to a block of rows of an in-batch score matrix: <paramref name="block"/> holds rows × n
    /// scores, column j against y_j (row j of <paramref name="y"/>, <paramref name="dimY"/> values per row).
    /// </summary>
    internal void ApplyToBlock(Span<double> block, int n, ReadOnlySpan<double> y, int dimY, Rng rng)
    {
        foreach (CriticStep step in _steps)
        {
            if (step.Kind != StepKind.Shift)
            {
                step.ApplyPointwise(block, rng);
                continue;
            }
            for (int j = 0; j < n; j++)
            {
                double g = step.ShiftOf(y.Slice(j * dimY, dimY));
                for (int i = j; i < block.Length; i += n) block[i] += g;
            }
        }
    }

    private enum StepKind { Scale, Noise, Clip, Shift }

    private enum ShiftTerm { Constant, SquaredNorm, Norm, FirstCoordinate }

    private sealed record CriticStep(StepKind Kind, string Text, double Value, ShiftTerm Term = ShiftTerm.Constant)
    {
        public static CriticStep Number(StepKind kind, string key, string text, Func<double, bool> valid, string expected)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || !valid(value))
                throw new ArgumentException($"{key} must be {expected}, got '{text}'", Parameter);
            return new CriticStep(kind, $"{key}={Format(value)}", value);
        }

        /// <summary>g := [factor*](|y|^2 | |y| | y1) | constant.</summary>
        public static CriticStep Shift(string text)
        {
            string body = text.Replace(" ", "", StringComparison.Ordinal);
            double factor = 1;
            int star = body.IndexOf('*');
            if (star >= 0)
            {
                factor = ParseNumber(body[..star], text);
                body = body[(star + 1)..];
            }
            ShiftTerm term = body.ToLowerInvariant() switch
            {
                "|y|^2" => ShiftTerm.SquaredNorm,
                "|y|" => ShiftTerm.Norm,
                "y1" => ShiftTerm.FirstCoordinate,
                _ when star < 0 => ShiftTerm.Constant,
                _ => throw new ArgumentException($"shift must be |y|^2, |y|, y1 or a number, optionally times a factor (0.5*|y|^2), got '{text}'", Parameter),
            };
            if (term == ShiftTerm.Constant) factor = ParseNumber(body, text);
            string canonical = term switch
            {
                ShiftTerm.Constant => Format(factor),
                _ => (factor == 1 ? "" : Format(factor) + "*") + TermText(term),
            };
            return new CriticStep(StepKind.Shift, $"shift={canonical}", factor, term);
        }

        public double ShiftOf(ReadOnlySpan<double> y) => Term switch
        {
            ShiftTerm.Constant => Value,
            ShiftTerm.SquaredNorm => Value * SquaredNorm(y),
            ShiftTerm.Norm => Value * Math.Sqrt(SquaredNorm(y)),
            _ => Value * y[0],
        };

        public void ApplyPointwise(Span<double> scores, Rng rng)
        {
            switch (Kind)
            {
                case StepKind.Scale:
                    for (int i = 0; i < scores.Length; i++) scores[i] *= Value;
                    break;
                case StepKind.Noise:
                    for (int i = 0; i < scores.Length; i++) scores[i] += Value * rng.NextGaussian();
                    break;
                case StepKind.Clip:
                    for (int i = 0; i < scores.Length; i++) scores[i] = Math.Clamp(scores[i], -Value, Value);
                    break;
            }
        }

        private static double SquaredNorm(ReadOnlySpan<double> y)
        {
            double s = 0;
            foreach (double v in y) s += v * v;
            return s;
        }

        private static string TermText(ShiftTerm term) => term switch
        {
            ShiftTerm.SquaredNorm => "|y|^2",
            ShiftTerm.Norm => "|y|",
            _ => "y1",
        };

        private static double ParseNumber(string text, string whole) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw new ArgumentException($"shift must be |y|^2, |y|, y1 or a number, optionally times a factor (0.5*|y|^2), got '{whole}'", Parameter);

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
