using MutualInfo.Estimators.Conditional;
using MutualInfo.Neural.Estimation;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// The neural conditional estimator (<see cref="NeuralCmiEstimator"/>, `--estimator infonce-cmi`) from the neural
/// flags; the other conditional estimators refuse those flags instead of ignoring them. Touches MutualInfo.Neural
/// only when asked for; libtorch loads at the first estimate.
/// </summary>
internal static class NeuralCmiSettings
{
    /// <summary>Whether <paramref name="name"/> names the neural conditional estimator.</summary>
    public static bool IsNeural(string? name) => string.Equals(name, NeuralCmiEstimator.EstimatorName, StringComparison.OrdinalIgnoreCase);

    /// <summary>One line per conditional estimator name for help texts: the core's and the neural one.</summary>
    public static string HelpText =>
        string.Join("; ", ConditionalMi.Estimators.Select(e => $"{e.Name}: {e.Description}")) +
        $"; {NeuralCmiEstimator.EstimatorName}: neural: InfoNCE critic f((x, z), y) with negatives from groups of 64 Z-neighbours (k-NN conditional sampler), held-out estimate; SE from the test groups";

    /// <summary>Every name `--estimator` takes with --z or --discrete: the core's and the neural one.</summary>
    public static IEnumerable<string> Names => ConditionalMi.Estimators.Select(e => e.Name).Append(NeuralCmiEstimator.EstimatorName);

    /// <summary>The neural estimator for <paramref name="name"/>, or null for the core's estimators (which then must not get neural flags).</summary>
    public static ICmiEstimator? Create(string name, NeuralSettings flags, Action<int, int>? progress = null)
    {
        if (!IsNeural(name))
        {
            if (!ConditionalMi.Estimators.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new UsageException($"--estimator: unknown conditional estimator '{name}' (available: {string.Join(", ", Names)})");
            flags.RequireNoneFor($"the conditional estimator {name}");
            return null;
        }
        return CreateNeural(flags, progress);
    }

    // Separate so that the core estimators' path never loads MutualInfo.Neural's types.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static NeuralCmiEstimator CreateNeural(NeuralSettings flags, Action<int, int>? progress)
    {
        foreach (var (flag, given) in new[] { ("--batch", flags.Batch is not null), ("--test-fraction", flags.TestFraction is not null), ("--max-test", flags.MaxTest is not null), ("--tau", flags.Tau is not null), ("--cross-selection", flags.CrossSelection is not null), ("--squared-norm-features", flags.SquaredNormFeatures is not null) })
            if (given) throw new UsageException($"{flag}: does not apply to --estimator {NeuralCmiEstimator.EstimatorName} (it trains on groups of Z-neighbours and holds out a quarter of the rows each for validation and test)");
        var defaults = new NeuralCmiOptions();
        var critic = flags.CriticOver(defaults.Critic);
        // One torch thread whatever --threads says, as for the neural MI estimators: small matrices, and bit-reproducible.
        return new NeuralCmiEstimator(defaults with
        {
            Critic = critic,
            MaxSteps = flags.Steps ?? defaults.MaxSteps,
            LearningRate = flags.LearningRate ?? defaults.LearningRate,
            EvalEvery = flags.EvalEvery ?? defaults.EvalEvery,
            Patience = flags.Patience ?? defaults.Patience,
            Threads = 1,
            Progress = progress,
        });
    }
}
