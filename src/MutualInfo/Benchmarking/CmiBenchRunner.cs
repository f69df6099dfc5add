using System.Diagnostics;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Randomness;

namespace MutualInfo.Benchmarking;

/// <summary>One run of one estimator on one conditional/discrete task at one seed.</summary>
/// <param name="Task">Task name.</param>
/// <param name="Estimator">Estimator name as asked for (e.g. "auto").</param>
/// <param name="Resolved">The estimator that actually ran (e.g. "ross" for auto on a discrete–continuous task).</param>
/// <param name="Samples">Rows n.</param>
/// <param name="Seed">Seed of the data and the estimator.</param>
/// <param name="Truth">Exact value (nats).</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="StdError">Its SE.</param>
/// <param name="Ci95Low">Lower CI end.</param>
/// <param name="Ci95High">Upper CI end.</param>
/// <param name="PValue">Local-permutation p-value when permutations were asked for.</param>
/// <param name="Seconds">Wall time of the estimate (and test).</param>
internal sealed record CmiBenchResult(string Task, string Estimator, string Resolved, int Samples, ulong Seed, double Truth, double Estimate,
    double StdError, double Ci95Low, double Ci95High, double? PValue, double Seconds)
{
    /// <summary>Whether the CI contains the truth.</summary>
    public bool Covered => Ci95Low <= Truth && Truth <= Ci95High;
}

/// <summary>Runs <see cref="CmiTask"/>s × estimators × seeds through <see cref="ConditionalMi.Estimate(MutualInfo.Data.ConditionalSamples, string, CmiOptions?, int, ulong, bool)"/>, one cell at a time (each estimate uses the threads); cells whose estimator does not fit the task's column types are skipped.</summary>
internal static class CmiBenchRunner
{
    /// <summary>
    /// Every cell's result, in task, estimator, seed order; <paramref name="onResult"/> sees each as it finishes.
    /// <paramref name="external"/> resolves names the core does not know (e.g. the neural CMI estimator) to an
    /// estimator instance, or returns null.
    /// </summary>
    public static IReadOnlyList<CmiBenchResult> Run(IReadOnlyList<CmiTask> tasks, IReadOnlyList<string> estimators, int n, IReadOnlyList<ulong> seeds,
        CmiOptions options, int permutations, Action<CmiBenchResult>? onResult = null, Func<string, ICmiEstimator?>? external = null)
    {
        var results = new List<CmiBenchResult>();
        foreach (var task in tasks)
            foreach (string estimator in estimators)
            {
                var instance = external?.Invoke(estimator);
                if (instance is null ? !Fits(task, estimator, options) : !task.Sample(16, new Rng(1)).AllContinuous) continue;
                foreach (ulong seed in seeds)
                {
                    var samples = task.Sample(n, Rng.ForStream(seed, 77));
                    var clock = Stopwatch.StartNew();
                    var e = instance is null ? ConditionalMi.Estimate(samples, estimator, options, permutations, seed) : ConditionalMi.Estimate(samples, instance, permutations, seed);
                    var result = new CmiBenchResult(task.Name, estimator, e.Estimator, n, seed, task.Truth, e.Mi, e.StdError, e.Ci95Low, e.Ci95High, e.PValue, clock.Elapsed.TotalSeconds);
                    results.Add(result);
                    onResult?.Invoke(result);
                }
            }
        return results;
    }

    /// <summary>Whether <paramref name="estimator"/> can run on the task's column types (e.g. ksg-cmi cannot on discrete tables); cells that cannot are skipped.</summary>
    public static bool Fits(CmiTask task, string estimator, CmiOptions options)
    {
        try
        {
            ConditionalMi.Choose(task.Sample(16, new Rng(1)), estimator, options);
            return true;
        }
        catch (ArgumentException) { return false; }
    }
}
