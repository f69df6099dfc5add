using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo;

/// <summary>
/// One-call exact-critic simulation (what <c>mi simulate</c> runs for one family): every bound evaluated at its
/// optimal critic, the family's exact log density ratio, for each batch size n. Bad arguments throw
/// <see cref="ArgumentException"/> naming the parameter. (Named <c>Simulations</c>, not <c>Simulation</c>: the namespace
/// <c>MutualInfo.Simulation</c> holds the implementation.)
/// </summary>
/// <example>
/// <code>
/// using MutualInfo;
///
/// var result = Simulations.Run("gaussian:dim=20,mi=10", "infonce,mean-field,loo-upper", [16, 1024, 65536], trials: 200, keepTrialValues: true);
/// foreach (var row in result.Rows) Console.WriteLine($"{row.Bound} n={row.N}: {row.Estimate.Mean:0.00} ± {row.Estimate.StdError:0.00}");
/// bool capped = result.TrialValuesOf("infonce", 16).All(v => v &lt;= Math.Log(16) + 1e-12);
/// </code>
/// </example>
public static partial class Simulations
{
    /// <summary>Simulates the family and bounds given by their <c>mi simulate</c> specifications.</summary>
    /// <param name="family">A family specification as <c>--family</c> takes it, e.g. <c>gaussian:dim=20,mi=10</c> or <c>student-t:dx=2,dy=2,dof=2+cubic</c>.</param>
    /// <param name="bounds">Comma-separated bounds as <c>--bounds</c> takes them, e.g. <c>infonce,smile:tau=5</c>.</param>
    /// <param name="batchSizes">Batch sizes n, each ≥ 2.</param>
    /// <param name="trials">Trials per n (≥ 2; default 1000).</param>
    /// <param name="seed">Root seed (default 1); same seed → same numbers whatever <paramref name="threads"/>.</param>
    /// <param name="threads">Worker threads (default: all cores).</param>
    /// <param name="negatives">Independent negatives per positive (default) or in-batch n×n.</param>
    /// <param name="keepTrialValues">Also return every trial's value.</param>
    /// <param name="critic">The critic before each bound's optimal shift: <c>exact</c> (default, log r) or steps such as <c>scale=0.5,noise=0.3</c>.</param>
    /// <param name="controlVariate">Estimate with the positive's log r as control variate (default) or by the plain mean.</param>
    /// <param name="conditionalPositives">Fresh positives x ~ p(x|y) per trial for Gaussian families with independent negatives (default 256; 0 off).</param>
    /// <example>
    /// <code>
    /// // InfoNCE and its leave-one-out upper bound at the exact critic, I = 2 nats, batch sizes 4 to 64.
    /// var result = Simulations.Run("gaussian:dim=1,mi=2", "infonce,loo-upper", [4, 16, 64], trials: 500, seed: 3);
    /// foreach (var row in result.Rows)
    ///     Console.WriteLine($"{row.Bound,-10} n={row.N,3}: {row.Estimate.Mean:0.000} ± {row.Estimate.StdError:0.000}");
    /// </code>
    /// </example>
    public static SimulationResult Run(string family, string bounds, IReadOnlyList<int> batchSizes, int trials = 1000, ulong seed = 1,
        int? threads = null, NegativeSampling negatives = NegativeSampling.Independent, bool keepTrialValues = false, string critic = "exact",
        bool controlVariate = true, int conditionalPositives = SimulationSettings.DefaultConditionalPositives)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(bounds);
        // The spec parsers name the parameters of this method (family, bounds) in their ArgumentExceptions.
        var parsedFamily = FamilySpec.Parse(family);
        var parsedBounds = BoundSpec.ParseList(bounds);
        return Run(parsedFamily, parsedBounds, batchSizes, trials, seed, threads, negatives, keepTrialValues, critic, controlVariate, conditionalPositives);
    }

    /// <summary>Simulates a family object with bound objects.</summary>
    /// <param name="family">The distribution of (X, Y); it must have an exact log ratio.</param>
    /// <param name="bounds">The bounds (at least one).</param>
    /// <param name="batchSizes">Batch sizes n, each ≥ 2.</param>
    /// <param name="trials">Trials per n (≥ 2; default 1000).</param>
    /// <param name="seed">Root seed (default 1).</param>
    /// <param name="threads">Worker threads (default: all cores).</param>
    /// <param name="negatives">Independent negatives per positive (default) or in-batch n×n.</param>
    /// <param name="keepTrialValues">Also return every trial's value.</param>
    /// <param name="critic">The critic before each bound's optimal shift (see the other overload).</param>
    /// <param name="controlVariate">Control variate on (default) or the plain mean.</param>
    /// <param name="conditionalPositives">Fresh positives per trial (Gaussian families, independent negatives; default 256; 0 off).</param>
    public static SimulationResult Run(IKnownMiFamily family, IReadOnlyList<IBound> bounds, IReadOnlyList<int> batchSizes, int trials = 1000, ulong seed = 1,
        int? threads = null, NegativeSampling negatives = NegativeSampling.Independent, bool keepTrialValues = false, string critic = "exact",
        bool controlVariate = true, int conditionalPositives = SimulationSettings.DefaultConditionalPositives)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(critic);
        if (!family.HasExactLogRatio) throw new ArgumentException($"'{family.Name}' has no exact log ratio (an embedding); it cannot be simulated", nameof(family));
        if (bounds.Count == 0 || bounds.Any(b => b is null)) throw new ArgumentException("at least one bound, and no null, is needed", nameof(bounds));
        if (batchSizes.Count == 0) throw new ArgumentException("at least one batch size is needed", nameof(batchSizes));
        foreach (int n in batchSizes)
            if (n < 2) throw new ArgumentOutOfRangeException(nameof(batchSizes), n, "every batch size must be at least 2");
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 2);
        int workers = threads ?? Environment.ProcessorCount;
        if (workers < 1) throw new ArgumentOutOfRangeException(nameof(threads), workers, "must be at least 1");
        if (!Enum.IsDefined(negatives)) throw new ArgumentOutOfRangeException(nameof(negatives), negatives, "unknown negative sampling");
        var settings = new SimulationSettings(family, bounds, batchSizes.ToArray(), trials, negatives, seed, workers, controlVariate,
            CriticSpec.Parse(critic), null, conditionalPositives);
        // Limits that depend on several arguments at once (largest n for the sampling scheme, memory) stay in
        // SimulationSettings, whose ArgumentExceptions name the parameters of this method (batchSizes, trials, …).
        if (!keepTrialValues) return new SimulationResult(Run(settings, onWork: null), null);
        var values = new List<double[]>();
        var run = Simulator.Run(settings, null, (_, trialValues) => values.Add(trialValues));
        return new SimulationResult(run, values);
    }

    /// <summary>
    /// The run behind both <see cref="Run(IKnownMiFamily, IReadOnlyList{IBound}, IReadOnlyList{int}, int, ulong, int?, NegativeSampling, bool, string, bool, int)"/>
    /// and <c>mi simulate</c> (which adds the critic, control-variate and progress settings): validates, then simulates.
    /// </summary>
    internal static SimulationRun Run(SimulationSettings settings, Action<long>? onWork) => Simulator.Run(settings, onWork);
}
