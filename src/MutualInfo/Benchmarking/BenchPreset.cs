namespace MutualInfo.Benchmarking;

/// <summary>
/// Named task selections for `mi bench --preset` and `mi tasks --preset`. <c>bmi-v1</c>: BMI's 39 v1 tasks in BMI's
/// order (<see cref="TaskSuite.BmiV1"/>), run at N = 5000 unless --samples is given.
/// </summary>
internal static class BenchPreset
{
    /// <summary>The BMI v1 preset's name.</summary>
    public const string BmiV1 = "bmi-v1";

    /// <summary>BMI's sample size, used by the bmi-v1 preset when --samples is not given.</summary>
    public const int BmiV1Samples = 5000;

    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = [BmiV1];

    /// <summary>
    /// The tasks of <paramref name="preset"/> (null: none) narrowed by <paramref name="patterns"/> (names, BMI aliases
    /// or globs; empty: no narrowing). Without a preset the patterns select from the whole suite, and no patterns
    /// give the whole suite. Throws <see cref="ArgumentException"/> naming the parameter on an unknown preset or a pattern
    /// that matches none of the preset's tasks.
    /// </summary>
    public static IReadOnlyList<BenchTask> Tasks(string? preset, IReadOnlyList<string> patterns)
    {
        if (preset is null) return patterns.Count == 0 ? TaskSuite.All : TaskSuite.Select(patterns);
        if (preset != BmiV1) throw new ArgumentException($"unknown preset '{preset}'; known presets: {string.Join(", ", Names)}", nameof(preset));
        if (patterns.Count == 0) return TaskSuite.BmiV1;
        var narrowed = TaskSuite.Select(patterns).ToHashSet();
        var chosen = TaskSuite.BmiV1.Where(narrowed.Contains).ToArray();
        if (chosen.Length == 0) throw new ArgumentException($"no task of the preset {preset} matches '{string.Join(",", patterns)}'", nameof(patterns));
        return chosen;
    }
}
