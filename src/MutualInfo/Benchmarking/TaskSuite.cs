using System.Globalization;
using System.IO.Enumeration;

namespace MutualInfo.Benchmarking;

/// <summary>
/// The built-in benchmark suite (after Czyż et al., "Beyond Normal", NeurIPS 2023): Gaussian, dense and sparse
/// multinormal, Student-t, transformed (half-cube, asinh, normal-CDF, cubic), additive-uniform, discrete,
/// independent and a high-MI ladder. Names are a contract: never rename or re-parameterise a task, add new ones.
/// </summary>
internal static class TaskSuite
{
    /// <summary>Every task, in listing order.</summary>
    public static IReadOnlyList<BenchTask> All { get; } = Build();

    /// <summary>The representative subset `mi bench` runs when no --tasks is given.</summary>
    public static IReadOnlyList<BenchTask> Default { get; } = All.Where(t => t.InDefaultRun).ToArray();

    /// <summary>
    /// BMI's v1 benchmark (<c>workflows/benchmark/v1/config.py</c> of cbg-ethz/bmi): its 39 tasks in BMI's order,
    /// each with its BMI id as <see cref="BenchTask.BmiAlias"/>. The preset <c>mi bench --preset bmi-v1</c> runs them.
    /// </summary>
    public static IReadOnlyList<BenchTask> BmiV1 { get; } = BmiV1Order.Names.Select(n => All.Single(t => t.Name == n)).ToArray();

    /// <summary>The task with this exact name or BMI alias, or null.</summary>
    public static BenchTask? Find(string name) => All.FirstOrDefault(t => t.Name == name) ?? All.FirstOrDefault(t => t.BmiAlias == name);

    /// <summary>
    /// Tasks matching any of the names, BMI aliases or globs (<c>*</c>, <c>?</c>), in suite order without repeats.
    /// Throws <see cref="ArgumentException"/> naming <paramref name="parameter"/> when a pattern matches nothing.
    /// </summary>
    public static IReadOnlyList<BenchTask> Select(IEnumerable<string> patterns, string parameter = "patterns")
    {
        var chosen = new HashSet<BenchTask>();
        foreach (string pattern in patterns)
        {
            var matches = All.Where(t => Matches(pattern, t.Name) || (t.BmiAlias is { } alias && Matches(pattern, alias))).ToArray();
            if (matches.Length == 0)
                throw new ArgumentException($"'{pattern}' matches no task (`mi tasks` lists them)", parameter);
            chosen.UnionWith(matches);
        }
        return All.Where(chosen.Contains).ToArray();
    }

    private static bool Matches(string pattern, string name) =>
        FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: false);

    private static BenchTask[] Build()
    {
        var tasks = new List<BenchTask>
        {
            new("1v1-normal-0.75", "gaussian:dim=1,rho=0.75", true),
            new("1v1-normal-0.95", "gaussian:dim=1,rho=0.95", false),
        };
        foreach (int d in new[] { 2, 3, 5 }) tasks.Add(Dense(d, 0.5, inDefault: d != 3));
        tasks.Add(Dense(25, 0.5, inDefault: false));
        foreach (int d in new[] { 2, 3, 5 }) tasks.Add(Sparse(d, inDefault: d != 3));
        tasks.Add(StudentT(1, 1, 1, true));
        tasks.Add(StudentT(2, 2, 1, false));
        tasks.Add(StudentT(2, 2, 2, true));
        tasks.Add(StudentT(3, 3, 2, false));
        tasks.Add(StudentT(5, 5, 2, false));
        tasks.Add(StudentT(5, 5, 3, true));
        tasks.Add(new("half-cube-1v1-normal-0.75", "gaussian:dim=1,rho=0.75+half-cube", true));
        tasks.Add(new("half-cube-multinormal-sparse-5-5", "multinormal:sparse=2,rho=0.8,dx=5,dy=5+half-cube", true));
        tasks.Add(new("asinh-student-t-1-1-dof1", "student-t:dx=1,dy=1,dof=1+asinh", true));
        tasks.Add(new("asinh-student-t-2-2-dof1", "student-t:dx=2,dy=2,dof=1+asinh", false));
        tasks.Add(new("normal-cdf-1v1-normal-0.75", "gaussian:dim=1,rho=0.75+normal-cdf", true));
        tasks.Add(new("normal-cdf-multinormal-dense-3-3", "multinormal:dense=0.5,dx=3,dy=3+normal-cdf", false));
        tasks.Add(new("cubic-1v1-normal-0.75", "gaussian:dim=1,rho=0.75+cubic", true));
        tasks.Add(new("cubic-x-multinormal-dense-2-2", "multinormal:dense=0.5,dx=2,dy=2+cubic:x", false));
        tasks.Add(new("1v1-additive-0.1", "uniform-additive:eps=0.1", true));
        tasks.Add(new("1v1-additive-0.75", "uniform-additive:eps=0.75", true));
        tasks.Add(new("discrete-2x2", "discrete:table=0.4/0.1;0.1/0.4", true));
        tasks.Add(new("discrete-3x3", "discrete:table=0.2/0.05/0.05;0.05/0.2/0.05;0.05/0.05/0.3", false));
        tasks.Add(new("independent-1v1-normal", "gaussian:dim=1,rho=0", true));
        tasks.Add(new("independent-multinormal-5-5", "gaussian:dim=5,rho=0", true));
        tasks.Add(new("independent-discrete-2x3", "discrete:table=0.125/0.125/0.25;0.125/0.125/0.25", false));
        foreach (int mi in new[] { 1, 2, 4, 6, 8, 10 }) tasks.Add(Ladder(2, mi, inDefault: mi is 1 or 4 or 10));
        foreach (int mi in new[] { 2, 5, 10 }) tasks.Add(Ladder(20, mi, inDefault: false));
        AddBmiV1Tasks(tasks);
        return tasks.Select(t => BmiV1Order.Aliases.TryGetValue(t.Name, out string? alias)
            ? new BenchTask(t.Name, t.FamilySpecification, t.InDefaultRun, alias)
            : t).ToArray();
    }

    // The BMI v1 tasks not already in the suite under our names (added after the older tasks, names never reused).
    private static void AddBmiV1Tasks(List<BenchTask> tasks)
    {
        tasks.Add(new("1v1-bimodal-0.75", "gaussian:dim=1,rho=0.75+bimodal", false));
        tasks.Add(new("wiggly-1v1-normal-0.75", "gaussian:dim=1,rho=0.75+wiggly", false));
        tasks.Add(new("swiss-roll-x-normal-cdf-1v1-normal-0.75", "gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x", false));
        tasks.Add(Dense(50, 0.5, inDefault: false));
        tasks.Add(Sparse(25, inDefault: false));
        tasks.Add(StudentT(3, 3, 3, false));
        foreach (int d in new[] { 3, 5, 25 })
            tasks.Add(new(Invariant($"normal-cdf-multinormal-sparse-{d}-{d}"), Invariant($"{SparseSpec(d)}+normal-cdf"), false));
        foreach (int d in new[] { 3, 25 })
            tasks.Add(new(Invariant($"half-cube-multinormal-sparse-{d}-{d}"), Invariant($"{SparseSpec(d)}+half-cube"), false));
        foreach (int d in new[] { 3, 5, 25 })
            tasks.Add(new(Invariant($"spiral-multinormal-sparse-{d}-{d}"), Invariant($"{SparseSpec(d)}+spiral"), false));
        foreach (int d in new[] { 3, 5, 25 })
            tasks.Add(new(Invariant($"spiral-normal-cdf-multinormal-sparse-{d}-{d}"), Invariant($"{SparseSpec(d)}+normal-cdf+spiral"), false));
        foreach (int d in new[] { 3, 5 })
            tasks.Add(new(Invariant($"asinh-student-t-{d}-{d}-dof2"), Invariant($"student-t:dx={d},dy={d},dof=2+asinh"), false));
    }

    private static string SparseSpec(int d) => Invariant($"multinormal:sparse=2,rho=0.8,dx={d},dy={d}");

    private static BenchTask Dense(int d, double correlation, bool inDefault) =>
        new(Invariant($"multinormal-dense-{d}-{d}-{correlation}"), Invariant($"multinormal:dense={correlation},dx={d},dy={d}"), inDefault);

    private static BenchTask Sparse(int d, bool inDefault) => new(Invariant($"multinormal-sparse-{d}-{d}-2-0.8"), SparseSpec(d), inDefault);

    private static BenchTask StudentT(int dx, int dy, int dof, bool inDefault) =>
        new(Invariant($"student-t-{dx}-{dy}-dof{dof}"), Invariant($"student-t:dx={dx},dy={dy},dof={dof}"), inDefault);

    private static BenchTask Ladder(int d, int mi, bool inDefault) =>
        new(Invariant($"mi-ladder-{d}d-{mi:00}"), Invariant($"gaussian:dim={d},mi={mi}"), inDefault);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
