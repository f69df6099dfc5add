using System.Diagnostics;
using MutualInfo.Neural.Native;
using MutualInfo.Neural.Objectives;
using MutualInfo.Neural.Training;
using MutualInfo.Statistics;
using TorchSharp;

namespace MutualInfo.Neural.Staircase;

/// <summary>
/// Runs the staircase: for each estimator a fresh critic is trained through all levels in order (the critic is not
/// reset between levels). Estimators train in parallel, each on one torch thread, so every trace depends only on
/// the seed and the estimator's position in the list.
/// </summary>
public static class StaircaseExperiment
{
    /// <summary>
    /// Runs the experiment. <paramref name="samplerForLevel"/> maps a level's true MI to a sampler of that joint
    /// distribution (d_x = d_y = <see cref="StaircaseOptions.Dim"/>). <paramref name="onStep"/> is called once per
    /// training step, from worker threads.
    /// </summary>
    public static StaircaseResult Run(StaircaseOptions options, Func<double, JointSampler> samplerForLevel, Action? onStep = null)
    {
        options.Validate();
        var objectives = options.Estimators.Select(ObjectiveSpec.Parse).ToArray();
        var samplers = options.Levels.Select(samplerForLevel).ToArray();
        TorchRuntime.Device(options.Cuda);
        // One intra-op thread per trainer: small matrices gain little from OpenMP and lose much when the
        // machine is busy, and it keeps the float arithmetic (hence the trace) independent of --threads.
        torch.set_num_threads(1);
        var clock = Stopwatch.StartNew();
        var runs = new StaircaseRun[objectives.Length];
        Parallel.For(0, objectives.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, index =>
            runs[index] = RunOne(options, objectives[index], (ulong)index, samplers, onStep));
        return new StaircaseResult(options, runs, clock.Elapsed.TotalSeconds);
    }

    private static StaircaseRun RunOne(StaircaseOptions options, MiObjective objective, ulong stream,
        JointSampler[] samplers, Action? onStep)
    {
        var trainerOptions = new TrainerOptions
        {
            BatchSize = options.BatchSize, LearningRate = options.LearningRate, Seed = options.Seed, Stream = stream, Cuda = options.Cuda,
        };
        using var trainer = new CriticTrainer(options.Critic, objective, options.Dim, options.Dim, trainerOptions);
        var trace = new double[options.Levels.Count * options.StepsPerLevel];
        var levels = new StaircaseLevel[options.Levels.Count];
        for (int level = 0; level < levels.Length; level++)
        {
            int start = level * options.StepsPerLevel;
            for (int step = 0; step < options.StepsPerLevel; step++)
            {
                trace[start + step] = trainer.Step(samplers[level]);
                onStep?.Invoke();
            }
            levels[level] = Summarise(options.Levels[level], trace.AsSpan(start, options.StepsPerLevel));
        }
        return new StaircaseRun(objective.Name, objective.Spec, options.Critic.KindName, levels, trace);
    }

    /// <summary>Mean and standard deviation over the last quarter of a level's estimates.</summary>
    public static StaircaseLevel Summarise(double trueMi, ReadOnlySpan<double> levelTrace)
    {
        var moments = new RunningMoments();
        foreach (double estimate in levelTrace[(levelTrace.Length - levelTrace.Length / 4)..]) moments.Add(estimate);
        return new StaircaseLevel(trueMi, moments.Mean, Math.Sqrt(moments.Variance));
    }
}
