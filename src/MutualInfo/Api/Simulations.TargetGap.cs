using System.Globalization;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo;

public static partial class Simulations
{
    /// <summary>Default target gap δ in nats of <see cref="TargetGap"/> and <see cref="SweepMi"/>.</summary>
    public const double DefaultDelta = 0.1;

    /// <summary>Default cap on n of <see cref="TargetGap"/> and <see cref="SweepMi"/>: 2^26.</summary>
    public const int DefaultMaxN = GapSearch.DefaultMaxN;

    /// <summary>Most MI levels one <see cref="SweepMi"/> takes.</summary>
    public const int MaxSweepLevels = 100;

    /// <summary>The dimension of the Gaussian family <see cref="SweepMi"/> sweeps (the showcase's).</summary>
    public const int SweepDimension = 20;

    /// <summary>
    /// "How large must n be": for each family and bound, the smallest batch size n with |E[bound] − I| ≤ δ at the
    /// critic given, with a 95% CI of n (what <c>mi simulate --target-gap δ</c> runs). Powers of 2 up to
    /// <paramref name="maxN"/>, then bisection to within 1/128 of n; an n the cap does not reach is null.
    /// </summary>
    /// <param name="families">Family specifications as <c>--family</c> takes them (at least one), e.g. <c>gaussian:dim=20,mi=10</c>.</param>
    /// <param name="bounds">Comma-separated bounds as <c>--bounds</c> takes them, e.g. <c>infonce,mean-field</c>.</param>
    /// <param name="delta">The target gap δ &gt; 0 in nats (default 0.1).</param>
    /// <param name="maxN">The largest n tried (≥ 2; default 2^26).</param>
    /// <param name="trials">Trials per evaluation (≥ 2; default 1000).</param>
    /// <param name="seed">Root seed (default 1); same seed → same numbers whatever <paramref name="threads"/>.</param>
    /// <param name="threads">Worker threads (default: all cores).</param>
    /// <param name="negatives">Independent negatives per positive (default) or in-batch n×n.</param>
    /// <param name="critic">The critic before each bound's optimal shift: <c>exact</c> (default, log r) or steps such as <c>scale=0.5,noise=0.3</c>.</param>
    /// <param name="controlVariate">Estimate E[bound] with the positive's log r as control variate (default) or by the plain mean.</param>
    /// <param name="conditionalPositives">Fresh positives x ~ p(x|y) per trial for Gaussian families with independent negatives (default 256; 0 off).</param>
    /// <param name="onEvaluation">Called before each simulation of the search with the family's spec and the batch sizes it evaluates (for progress).</param>
    /// <exception cref="ArgumentException">A bad argument; <see cref="ArgumentException.ParamName"/> names the parameter.</exception>
    /// <example>
    /// <code>
    /// // The n InfoNCE needs to come within 0.1 nats of I = 3 nats, with its 95% CI.
    /// var result = Simulations.TargetGap(["gaussian:dim=1,mi=3"], "infonce", delta: 0.1, maxN: 1 &lt;&lt; 14, trials: 200);
    /// var infoNce = result.ResultOf("infonce");
    /// Console.WriteLine($"n = {infoNce.NNeeded} [{infoNce.NLow}, {infoNce.NHigh}]");
    /// </code>
    /// </example>
    public static TargetGapResult TargetGap(IReadOnlyList<string> families, string bounds, double delta = DefaultDelta, int maxN = DefaultMaxN,
        int trials = 1000, ulong seed = 1, int? threads = null, NegativeSampling negatives = NegativeSampling.Independent, string critic = "exact",
        bool controlVariate = true, int conditionalPositives = SimulationSettings.DefaultConditionalPositives,
        Action<string, IReadOnlyList<int>>? onEvaluation = null)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(critic);
        if (families.Count == 0) throw new ArgumentException("at least one family is needed", nameof(families));
        // Parsed in the order the CLI reads its flags, so the first bad one is the one reported.
        IKnownMiFamily[] parsed = families.Select(ParseFamily).ToArray();
        return GapSearches(parsed, BoundSpec.ParseList(bounds), delta, maxN, trials, seed, threads, negatives, CriticSpec.Parse(critic),
            controlVariate, conditionalPositives, onEvaluation);
    }

    /// <summary>
    /// The n needed against I: <see cref="TargetGap"/> for the 20-d Gaussian (<c>gaussian:dim=20,mi=I</c>) at each MI
    /// level (what <c>mi simulate --sweep-mi</c> runs).
    /// </summary>
    /// <param name="levels">MI levels in nats, each finite and ≥ 0 (1 to 100 of them).</param>
    /// <param name="bounds">Comma-separated bounds as <c>--bounds</c> takes them (default <c>infonce,mean-field,loo-upper</c>).</param>
    /// <param name="delta">The target gap δ &gt; 0 in nats (default 0.1).</param>
    /// <param name="maxN">The largest n tried (≥ 2; default 2^26).</param>
    /// <param name="trials">Trials per evaluation (≥ 2; default 1000).</param>
    /// <param name="seed">Root seed (default 1).</param>
    /// <param name="threads">Worker threads (default: all cores).</param>
    /// <param name="negatives">Independent negatives per positive (default) or in-batch n×n.</param>
    /// <param name="critic">The critic before each bound's optimal shift (default <c>exact</c>).</param>
    /// <param name="controlVariate">Estimate E[bound] with the control variate (default) or by the plain mean.</param>
    /// <param name="conditionalPositives">Fresh positives x ~ p(x|y) per trial (default 256; 0 off).</param>
    /// <param name="onEvaluation">Called before each simulation with the family's spec and the batch sizes it evaluates.</param>
    /// <exception cref="ArgumentException">A bad argument; <see cref="ArgumentException.ParamName"/> names the parameter.</exception>
    /// <example>
    /// <code>
    /// // How the n InfoNCE needs grows with I: roughly e^I.
    /// var sweep = Simulations.SweepMi([1, 2, 3], "infonce", maxN: 1 &lt;&lt; 12, trials: 100);
    /// foreach (var search in sweep.Searches)
    ///     Console.WriteLine($"I = {search.TrueMi:0.#}: n = {search.Results[0].NNeeded?.ToString() ?? "beyond the cap"}");
    /// </code>
    /// </example>
    public static TargetGapResult SweepMi(IReadOnlyList<double> levels, string bounds = "infonce,mean-field,loo-upper", double delta = DefaultDelta,
        int maxN = DefaultMaxN, int trials = 1000, ulong seed = 1, int? threads = null, NegativeSampling negatives = NegativeSampling.Independent,
        string critic = "exact", bool controlVariate = true, int conditionalPositives = SimulationSettings.DefaultConditionalPositives,
        Action<string, IReadOnlyList<int>>? onEvaluation = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count is 0 or > MaxSweepLevels)
            throw new ArgumentOutOfRangeException(nameof(levels), levels.Count, $"between 1 and {MaxSweepLevels} MI levels are needed, got {levels.Count}");
        foreach (double level in levels)
            if (!double.IsFinite(level) || level < 0)
                throw new ArgumentOutOfRangeException(nameof(levels), level, $"every MI level must be a finite number ≥ 0 nats, got {level.ToString(CultureInfo.InvariantCulture)}");
        return TargetGap(levels.Select(SweepFamily).ToArray(), bounds, delta, maxN, trials, seed, threads, negatives, critic, controlVariate,
            conditionalPositives, onEvaluation);
    }

    // A spec's error names the parameter that holds it: families here, family in Run.
    private static IKnownMiFamily ParseFamily(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec, "families");
        try
        {
            return FamilySpec.ParseWithLogRatio(spec);
        }
        catch (ArgumentException e) when (e.ParamName == "family")
        {
            throw ArgumentMessages.Rename(e, "families");
        }
    }

    /// <summary>The spec of the Gaussian family <see cref="SweepMi"/> simulates at MI level <paramref name="mi"/>.</summary>
    internal static string SweepFamily(double mi) => string.Create(CultureInfo.InvariantCulture, $"gaussian:dim={SweepDimension},mi={mi}");

    private static TargetGapResult GapSearches(IKnownMiFamily[] families, IReadOnlyList<IBound> bounds, double delta, int maxN, int trials, ulong seed,
        int? threads, NegativeSampling negatives, CriticSpec critic, bool controlVariate, int conditionalPositives,
        Action<string, IReadOnlyList<int>>? onEvaluation)
    {
        if (!(delta > 0) || !double.IsFinite(delta)) throw new ArgumentOutOfRangeException(nameof(delta), $"δ must be a positive number of nats, got {delta}");
        if (maxN < 2) throw new ArgumentOutOfRangeException(nameof(maxN), $"must be at least 2, got {maxN}");
        if (!Enum.IsDefined(negatives)) throw new ArgumentOutOfRangeException(nameof(negatives), negatives, "unknown negative sampling");
        int workers = threads ?? Environment.ProcessorCount;
        var settings = families
            .Select(f => new SimulationSettings(f, bounds, [2], trials, negatives, seed, workers, controlVariate, critic, ConditionalPositives: conditionalPositives))
            .ToArray();
        // Every family is checked at the largest n before any search starts: a bad last family fails at once, not after hours.
        foreach (SimulationSettings s in settings)
        {
            try
            {
                (s with { BatchSizes = [maxN] }).Validate();
            }
            catch (ArgumentException e) when (e.ParamName is "batchSizes" or "family")
            {
                // The search's batch sizes are powers of 2 up to maxN, and its families come in a list.
                throw ArgumentMessages.Rename(e, e.ParamName == "family" ? "families" : nameof(maxN));
            }
        }
        var searches = settings
            .Select(s => GapSearch.Run(s, delta, maxN, onEvaluation is null ? null : sizes => onEvaluation(s.Family.Name, sizes)))
            .ToArray();
        return new TargetGapResult(delta, maxN, searches);
    }
}
