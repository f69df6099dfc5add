using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>
/// "How large must n be": for each bound, the smallest batch size n whose expected value is within δ of I,
/// |E[bound](n) − I| ≤ δ, with E estimated by the simulation (control variate on by default). Powers of 2 first
/// (n = 2, 4, …, up to a cap), then an 8-way bisection between the first power that qualifies and the one before,
/// until the bracket is within 1/128 of n. Two more searches run alongside on the same trials and give the 95% CI of n:
/// the smallest n whose gap CI reaches δ (|gap| − 1.96 SE ≤ δ) and the smallest n whose whole gap CI lies within δ
/// (|gap| + 1.96 SE ≤ δ). Every evaluation is one simulation over all pending n at once, so each trial's negatives
/// are drawn once per evaluation (prefixes serve every n); the search assumes the gap shrinks as n grows, as it does
/// for InfoNCE-type bounds at the optimal critic.
/// </summary>
internal static class GapSearch
{
    /// <summary>Default cap on n: 2^26 negatives per trial (about 2 s per trial for the 20-d Gaussian on one core).</summary>
    public const int DefaultMaxN = 1 << 26;

    /// <summary>Runs the search for every bound of <paramref name="settings"/> (its batch sizes are ignored).</summary>
    /// <param name="settings">Family, bounds, trials, critic, seed, threads and negatives.</param>
    /// <param name="delta">δ &gt; 0 in nats.</param>
    /// <param name="maxN">The largest n tried (a power of 2 or not; powers stop below it).</param>
    /// <param name="onEvaluation">Called with the batch sizes of each evaluation, for progress.</param>
    public static GapSearchRun Run(SimulationSettings settings, double delta, int maxN = DefaultMaxN, Action<IReadOnlyList<int>>? onEvaluation = null)
    {
        if (!(delta > 0) || !double.IsFinite(delta)) throw new ArgumentOutOfRangeException(nameof(delta), $"δ must be a positive number of nats, got {delta}");
        if (maxN < 2) throw new ArgumentOutOfRangeException(nameof(maxN), $"must be at least 2, got {maxN}");
        double trueMi = settings.Family.MutualInformation;
        var searches = new List<Search>();
        foreach (var bound in settings.Bounds)
        foreach (Criterion criterion in Enum.GetValues<Criterion>())
            searches.Add(new Search(bound.Spec, criterion));

        SimulationRun Evaluate(IReadOnlyList<int> sizes)
        {
            onEvaluation?.Invoke(sizes);
            return Simulator.Run(settings with { BatchSizes = sizes });
        }

        // Powers of 2, in rounds of growing reach so that easy targets never pay for the largest n.
        int lastPower = 1;
        foreach (int reach in new[] { 8, 12, 16, 20, 24, 28, 30 })
        {
            int top = (int)Math.Min(1L << reach, maxN);
            int[] powers = Enumerable.Range(1, reach).Select(e => 1 << e).Where(n => n > lastPower && n <= top).ToArray();
            if (powers.Length > 0)
            {
                SimulationRun run = Evaluate(powers);
                foreach (Search search in searches.Where(s => s.High is null))
                    foreach (int n in powers)
                        if (search.Holds(Row(run, search.Spec, n), trueMi, delta))
                        {
                            search.High = n;
                            search.Low = n == 2 ? 1 : n / 2;
                            search.HighRow = Row(run, search.Spec, n);
                            break;
                        }
                lastPower = powers[^1];
            }
            if (searches.All(s => s.High is not null) || top >= maxN) break;
        }

        // Bisection between the last power that failed and the first that held, 8-way: one evaluation costs max(n)
        // per trial however many n it reads off, so 7 interior points per round cut the bracket 8-fold for the price of 1.
        while (searches.Any(s => s.Active))
        {
            Search[] active = searches.Where(s => s.Active).ToArray();
            int[] points = active.SelectMany(s => s.InteriorPoints).Distinct().Order().ToArray();
            SimulationRun run = Evaluate(points);
            foreach (Search search in active)
            {
                int low = search.Low;
                foreach (int n in search.InteriorPoints)
                {
                    SimulationRow row = Row(run, search.Spec, n);
                    if (search.Holds(row, trueMi, delta))
                    {
                        search.High = n;
                        search.HighRow = row;
                        break;
                    }
                    low = n;
                }
                search.Low = low;
            }
        }

        var results = settings.Bounds.Select(bound =>
        {
            Search Find(Criterion c) => searches.Single(s => s.Spec == bound.Spec && s.Criterion == c);
            Search point = Find(Criterion.Point);
            return new GapSearchResult(bound.Name, bound.Spec, bound.Label, point.High, Find(Criterion.Optimistic).High,
                Find(Criterion.Pessimistic).High, point.HighRow?.Estimate);
        }).ToArray();
        return new GapSearchRun(settings.Family.Name, trueMi, delta, maxN, settings.Negatives, settings.Seed,
            settings.EffectiveCritic.Name, settings.Trials, results);
    }

    private static SimulationRow Row(SimulationRun run, string spec, int n) => run.Rows.Single(r => r.Spec == spec && r.N == n);

    private enum Criterion { Point, Optimistic, Pessimistic }

    private sealed class Search(string spec, Criterion criterion)
    {
        public string Spec { get; } = spec;
        public Criterion Criterion { get; } = criterion;
        public int Low { get; set; }
        public int? High { get; set; }
        public SimulationRow? HighRow { get; set; }

        /// <summary>Still bracketing more loosely than 1/128 of n.</summary>
        public bool Active => High is { } high && high - Low > Math.Max(1, high / 128);

        /// <summary>Up to 7 distinct n strictly inside (Low, High), ascending.</summary>
        public int[] InteriorPoints => Enumerable.Range(1, 7)
            .Select(j => Low + (int)((long)(High!.Value - Low) * j / 8))
            .Where(n => n > Low && n < High!.Value).Distinct().ToArray();

        public bool Holds(SimulationRow row, double trueMi, double delta)
        {
            double gap = Math.Abs(row.Estimate.Mean - trueMi), se = row.Estimate.StdError;
            if (!double.IsFinite(gap)) return false;
            return Criterion switch
            {
                Criterion.Point => gap <= delta,
                Criterion.Optimistic => gap - MeanEstimate.Z95 * se <= delta,
                _ => gap + MeanEstimate.Z95 * se <= delta,
            };
        }
    }
}
