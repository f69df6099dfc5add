using System.Globalization;
using MutualInfo.Simulation;

namespace MutualInfo.Cli.Simulate;

/// <summary>
/// The parsed `mi simulate --target-gap` / `--sweep-mi` invocation: <see cref="SweepLevels"/> for a sweep
/// (<see cref="Simulations.SweepMi"/>), else the <see cref="Families"/> of <see cref="Simulations.TargetGap"/>.
/// </summary>
internal sealed record GapSearchRequest(
    string[] Families, double[]? SweepLevels, string Bounds, double Delta, int MaxN, int Trials, NegativeSampling Negatives,
    ulong Seed, int Threads, string Critic, bool ControlVariate, string? JsonPath, int ConditionalPositives, string? PlotPath)
{
    /// <summary>Parses <c>2..16</c> (step 1), <c>2..16:2</c> or a comma list <c>2,5,10</c> of MI levels in nats.</summary>
    public static double[] ParseSweep(string text)
    {
        const string flag = "--sweep-mi: ";
        string body = text.Trim();
        int range = body.IndexOf("..", StringComparison.Ordinal);
        if (range < 0) return body.Split(',').Select(item => Level(item, text)).ToArray();
        string[] stepParts = body[(range + 2)..].Split(':');
        double from = Level(body[..range], text), to = Level(stepParts[0], text);
        double step = stepParts.Length switch
        {
            1 => 1,
            2 => Level(stepParts[1], text),
            _ => throw new UsageException($"{flag}expected FROM..TO[:STEP], got '{text}'"),
        };
        if (!(step > 0) || to < from) throw new UsageException($"{flag}expected FROM ≤ TO and a step > 0, got '{text}'");
        int count = (int)Math.Floor((to - from) / step + 1e-9) + 1;
        if (count > Simulations.MaxSweepLevels) throw new UsageException($"{flag}at most {Simulations.MaxSweepLevels} levels, got {count}");
        return Enumerable.Range(0, count).Select(k => from + k * step).ToArray();
    }

    /// <summary>Parses the cap on n (a number or power such as <c>2^26</c>).</summary>
    public static int ParseMaxN(string text)
    {
        IReadOnlyList<int> sizes = BatchSizeList.Parse(text, "--max-n");
        if (sizes.Count != 1) throw new UsageException($"--max-n: expected one number, got '{text}'");
        if (sizes[0] < 2) throw new UsageException($"--max-n: must be at least 2, got {sizes[0]}");
        return sizes[0];
    }

    private static double Level(string item, string whole) =>
        double.TryParse(item.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= 0
            ? v
            : throw new UsageException($"--sweep-mi: '{item.Trim()}' is not an MI level ≥ 0 in '{whole}'");
}
