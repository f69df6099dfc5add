using System.Runtime.CompilerServices;
using MutualInfo.Estimators;
using MutualInfo.Neural.Estimation;

namespace MutualInfo.Cli.Commands;

/// <summary>The settings a neural estimator actually ran with, for the JSON result (so a reader sees every flag's effect).</summary>
internal static class NeuralEstimatorSettingsReport
{
    /// <summary>Whether the estimator is a neural (learned-critic) one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsNeural(IMiEstimator estimator) => estimator is NeuralEstimator;

    /// <summary>The neural settings, or nothing for other estimators.</summary>
    // Not inlined: the type test then stays out of the callers' code, which run for KSG too.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IEnumerable<KeyValuePair<string, object?>> Of(IMiEstimator estimator)
    {
        if (estimator is not NeuralEstimator neural) return [];
        var o = neural.Options;
        return new Dictionary<string, object?>
        {
            ["objective"] = o.Objective,
            ["critic"] = o.Critic.KindName,
            ["layers"] = o.Critic.Layers,
            ["hidden"] = o.Critic.Hidden,
            ["embedding"] = o.Critic.Embedding,
            ["activation"] = o.Critic.Activation == MutualInfo.Neural.Critics.Activation.LeakyRelu ? "leaky-relu" : o.Critic.Activation.ToString().ToLowerInvariant(),
            ["max_steps"] = o.MaxSteps,
            ["batch"] = o.BatchSize,
            ["lr"] = o.LearningRate,
            ["test_fraction"] = o.TestFraction,
            ["max_test"] = o.MaxTest,
            ["eval_every"] = o.EvalEvery,
            ["patience"] = o.Patience,
            ["cross_selection"] = o.CrossSelection,
            ["squared_norm_features"] = o.SquaredNormFeatures,
        };
    }
}
