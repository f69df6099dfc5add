using System.Collections.Frozen;

namespace MutualInfo.Cli;

/// <summary>
/// The CLI's wording of the libraries' input errors: an <see cref="ArgumentException"/> names a parameter or option
/// property (<c>options.K</c>, <c>bounds</c>, <c>samples</c>); the user typed a flag (<c>--k</c>, <c>--bounds</c>) or a
/// file. This table is the one place that knows which flag sets which parameter, so error lines keep naming the flag.
/// </summary>
internal static class LibraryErrors
{
    /// <summary>
    /// Flag (or argument) for each parameter name the libraries use. An empty flag means the message already says
    /// where (a row and column of the data, a task's cell), so nothing is put in front. A name missing here is printed
    /// as it is; a name that is already a flag (the CLI passed its own, e.g. <c>--samples</c>) too.
    /// </summary>
    private static readonly FrozenDictionary<string, string> FlagByParameter = new Dictionary<string, string>
    {
        // Data handed to an estimator: the message names the row and column.
        ["samples"] = "",
        ["x"] = "--x",
        ["y"] = "--y",
        ["columns.Z"] = "--z",
        ["columns.Discrete"] = "--discrete",
        ["dimX"] = "DIM_X",
        ["dimY"] = "DIM_Y",
        ["delimiter"] = "--delimiter",
        ["target"] = "--target",
        ["features"] = "--features",
        ["estimator"] = "--estimator",
        ["permutations"] = "--permutations",
        // Estimator options (KsgOptions, CopulaKsgOptions, GaussianOptions, CmiOptions, FeatureRanking options).
        ["options.K"] = "--k",
        ["options.Splits"] = "--splits",
        ["options.TieNoise"] = "--tie-noise",
        ["options.BiasAllowance"] = "--bias-allowance",
        ["options.ResidualBiasAllowance"] = "--bias-allowance",
        ["options.Resamples"] = "--resamples",
        ["options.Threads"] = "--threads",
        ["options.Permutations"] = "--permutations",
        ["options.MaxSelected"] = "--max-selected",
        // Neural estimator, trainer and critic options.
        ["options.Objective"] = "--estimator",
        ["options.TestFraction"] = "--test-fraction",
        ["options.MaxTest"] = "--max-test",
        ["options.BatchSize"] = "--batch",
        ["options.LearningRate"] = "--lr",
        ["options.MaxSteps"] = "--steps",
        ["options.EvalEvery"] = "--eval-every",
        ["options.Patience"] = "--patience",
        ["options.Critic"] = "--critic",
        ["options.Critic.Layers"] = "--layers",
        ["options.Critic.Hidden"] = "--hidden",
        ["options.Critic.Embedding"] = "--embedding",
        ["critic"] = "--critic",
        ["activation"] = "--activation",
        ["device"] = "--device",
        // Staircase options.
        ["options.Dim"] = "--dim",
        ["options.Levels"] = "--levels",
        ["options.StepsPerLevel"] = "--steps-per-level",
        ["options.Estimators"] = "--estimators",
        ["estimators"] = "--estimators",
        // Simulation and its spec strings.
        ["family"] = "--family",
        ["families"] = "--family",
        ["levels"] = "--sweep-mi",
        ["negatives"] = "--negatives",
        ["bounds"] = "--bounds",
        ["batchSizes"] = "--n",
        ["trials"] = "--trials",
        ["shard"] = "--shard",
        ["shardIndex"] = "--shard",
        ["shardCount"] = "--shard",
        ["threads"] = "--threads",
        ["conditionalPositives"] = "--conditional-positives",
        ["delta"] = "--target-gap",
        ["maxN"] = "--max-n",
        ["shards"] = "merge",
        // Benchmark grid.
        ["tasks"] = "--tasks",
        ["patterns"] = "--tasks",
        ["preset"] = "--preset",
        ["sampleSizes"] = "--samples",
        ["seeds"] = "--seeds",
        ["inputs"] = "merge",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Advice in library messages worded for any caller, and how a CLI user follows it (the flag to use). Matched
    /// verbatim: a test runs each message through the CLI.
    /// </summary>
    private static readonly (string Library, string Cli)[] Advice =
    [
        ("(mark categorical columns as discrete)", "(mark categorical columns with --discrete)"),
        ("standardise it or rescale it", "standardise it (drop --no-standardize) or rescale it"),
        ("is the delimiter right?", "is --delimiter right?"),
        ("mark it as discrete: ", "mark it with --discrete "),
    ];

    /// <summary>A library message or warning with its advice worded for a CLI user.</summary>
    public static string Advise(string text) => WithCliAdvice(text);

    /// <summary>The flag for a library parameter name (see <see cref="FlagByParameter"/>).</summary>
    public static string FlagFor(string parameter) => FlagByParameter.GetValueOrDefault(parameter, parameter);

    /// <summary>One line for the user: "flag: rule" for an <see cref="ArgumentException"/>, the message's first line otherwise.</summary>
    public static string Describe(Exception e) => WithCliAdvice(Line(e));

    private static string Line(Exception e)
    {
        if (e is not ArgumentException argument) return FirstLine(e.Message);
        string rule = FirstLine(ArgumentMessages.RuleOf(argument));
        if (argument.ParamName is not { Length: > 0 } parameter) return rule;
        string flag = FlagFor(parameter);
        return flag.Length == 0 ? rule : $"{flag}: {rule}";
    }

    /// <summary>Whether <paramref name="e"/> is the user's input at fault (bad argument, unreadable or malformed file), not a defect.</summary>
    public static bool IsInputError(Exception e) => e is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException;

    private static string WithCliAdvice(string line)
    {
        foreach (var (library, cli) in Advice) line = line.Replace(library, cli, StringComparison.Ordinal);
        return line;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
