using MutualInfo.Benchmarking;
using MutualInfo.Families;

namespace MutualInfo.Tests.Benchmarking;

public class TaskSuiteTests
{
    [Fact]
    public void Suite_has_at_least_twenty_unique_lower_case_names_with_finite_nonnegative_mi()
    {
        Assert.True(TaskSuite.All.Count >= 20, $"{TaskSuite.All.Count} tasks");
        Assert.Equal(TaskSuite.All.Count, TaskSuite.All.Select(t => t.Name).Distinct().Count());
        foreach (BenchTask t in TaskSuite.All)
        {
            Assert.Matches("^[a-z0-9.-]+$", t.Name);
            Assert.True(double.IsFinite(t.Mi) && t.Mi >= 0 && !double.IsNegative(t.Mi), $"{t.Name}: {t.Mi}");
            Assert.Equal(t.Mi, FamilySpec.Parse(t.FamilySpecification).MutualInformation + 0.0);
        }
    }

    [Fact]
    public void Suite_covers_every_family_kind_the_issue_asks_for()
    {
        string[] kinds = ["gaussian:dim=1,", "multinormal:dense", "multinormal:sparse", "student-t", "+half-cube", "+asinh", "+normal-cdf", "+cubic", "uniform-additive", "discrete"];
        foreach (string kind in kinds) Assert.Contains(TaskSuite.All, t => t.FamilySpecification.Contains(kind, StringComparison.Ordinal));
        Assert.True(TaskSuite.All.Count(t => t.Mi == 0) >= 2, "independence tasks");
        var ladder = TaskSuite.All.Where(t => t.Name.StartsWith("mi-ladder-", StringComparison.Ordinal)).Select(t => t.Mi).ToArray();
        Assert.Contains(1.0, ladder);
        Assert.Contains(10.0, ladder);
        Assert.True(TaskSuite.All.Where(t => t.FamilySpecification.StartsWith("student-t", StringComparison.Ordinal)).Select(t => (t.DimX, ((StudentTFamily)Inner(t.Family)).DegreesOfFreedom)).Distinct().Count() >= 4);
    }

    [Theory]
    [InlineData("1v1-normal-0.75", 0.75, 1)]
    [InlineData("1v1-normal-0.95", 0.95, 1)]
    [InlineData("half-cube-1v1-normal-0.75", 0.75, 1)]
    [InlineData("cubic-1v1-normal-0.75", 0.75, 1)]
    [InlineData("multinormal-sparse-5-5-2-0.8", 0.8, 2)]
    [InlineData("independent-multinormal-5-5", 0.0, 5)]
    public void Gaussian_tasks_have_minus_half_log_one_minus_rho_squared_per_correlated_pair(string name, double rho, int pairs) =>
        Assert.Equal(-0.5 * pairs * Math.Log(1 - rho * rho), Get(name).Mi, 12);

    [Fact]
    public void Dense_multinormal_matches_a_naive_log_determinant()
    {
        foreach (int d in new[] { 2, 3, 5, 25 })
        {
            var cov = new double[2 * d, 2 * d];
            for (int i = 0; i < 2 * d; i++) for (int j = 0; j < 2 * d; j++) cov[i, j] = i == j ? 1 : 0.5;
            double expected = 0.5 * (LogDet(cov, 0, d) + LogDet(cov, d, d) - LogDet(cov, 0, 2 * d));
            Assert.Equal(expected, Get($"multinormal-dense-{d}-{d}-0.5").Mi, 9);
        }
    }

    [Theory]
    [InlineData("student-t-2-2-dof2", 0.1931)]
    [InlineData("1v1-additive-0.1", 1.7094)]
    public void Closed_forms_match_the_design_guide(string name, double expected) =>
        Assert.Equal(expected, Get(name).Mi, 4);

    [Fact]
    public void Additive_uniform_and_discrete_follow_their_formulas()
    {
        Assert.Equal(1 / (4 * 0.75), Get("1v1-additive-0.75").Mi, 12);
        double[,] p = { { 0.4, 0.1 }, { 0.1, 0.4 } };
        double mi = 0;
        foreach (double v in p) mi += v * Math.Log(v / 0.25);
        Assert.Equal(mi, Get("discrete-2x2").Mi, 12);
        Assert.Equal(0.0, Get("independent-discrete-2x3").Mi, 14);
        Assert.Equal(0.0, Get("independent-1v1-normal").Mi);
    }

    [Fact]
    public void Student_t_matches_the_entropy_formula_computed_here()
    {
        // h(k) = −lnΓ((ν+k)/2) + lnΓ(ν/2) + (k/2) ln(νπ) + ((ν+k)/2)(ψ((ν+k)/2) − ψ(ν/2)); I = h(dx) + h(dy) − h(dx+dy).
        // For ν = 1, 2 the digamma and log-gamma differences have elementary forms (half-integer and integer arguments).
        double H1(int k) => k switch
        {
            1 => -LnGammaHalfInteger(2) + LnGammaHalfInteger(1) + 0.5 * Math.Log(Math.PI) + 1 * (DigammaHalfInteger(2) - DigammaHalfInteger(1)),
            2 => -LnGammaHalfInteger(3) + LnGammaHalfInteger(1) + 1 * Math.Log(Math.PI) + 1.5 * (DigammaHalfInteger(3) - DigammaHalfInteger(1)),
            4 => -LnGammaHalfInteger(5) + LnGammaHalfInteger(1) + 2 * Math.Log(Math.PI) + 2.5 * (DigammaHalfInteger(5) - DigammaHalfInteger(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(k)),
        };
        Assert.Equal(2 * H1(1) - H1(2), Get("student-t-1-1-dof1").Mi, 10);
        Assert.Equal(2 * H1(2) - H1(4), Get("student-t-2-2-dof1").Mi, 10);
        Assert.Equal(Get("student-t-1-1-dof1").Mi, Get("asinh-student-t-1-1-dof1").Mi);
    }

    [Theory]
    [InlineData("mi-ladder-2d-01", 1)]
    [InlineData("mi-ladder-2d-04", 4)]
    [InlineData("mi-ladder-2d-10", 10)]
    [InlineData("mi-ladder-20d-05", 5)]
    public void Ladder_rungs_have_their_nominal_mi(string name, double mi) => Assert.Equal(mi, Get(name).Mi, 10);

    [Fact]
    public void Select_matches_names_and_globs_in_suite_order_without_repeats()
    {
        var t = TaskSuite.Select(["student-t-*", "student-t-1-1-dof1"]);
        Assert.Equal(TaskSuite.All.Where(x => x.Name.StartsWith("student-t-", StringComparison.Ordinal)).ToArray(), t);
        Assert.Equal(TaskSuite.All, TaskSuite.Select(["*"]));
        Assert.Equal(["mi-ladder-2d-01", "mi-ladder-2d-02", "mi-ladder-2d-04", "mi-ladder-2d-06", "mi-ladder-2d-08"],
            TaskSuite.Select(["mi-ladder-2d-0?", "mi-ladder-2d-01"]).Select(x => x.Name));
    }

    [Fact]
    public void Select_rejects_a_pattern_matching_nothing_in_one_line()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => TaskSuite.Select(["1v1-normal-0.75", "nope*"]));
        Assert.StartsWith("patterns: 'nope*' matches no task", ErrorLine.Of(e));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Default_run_is_a_subset_spanning_the_kinds()
    {
        Assert.InRange(TaskSuite.Default.Count, 12, TaskSuite.All.Count - 1);
        Assert.All(TaskSuite.Default, t => Assert.Contains(t, TaskSuite.All));
        Assert.Contains(TaskSuite.Default, t => t.Mi == 0);
        Assert.Contains(TaskSuite.Default, t => t.Mi >= 10);
    }

    private static BenchTask Get(string name) => TaskSuite.Find(name) ?? throw new KeyNotFoundException(name);

    private static IKnownMiFamily Inner(IKnownMiFamily f) => f is TransformedFamily t ? Inner(t.Inner) : f;

    // Γ(m/2) for integer m ≥ 1: Γ(1/2) = √π, Γ(1) = 1, Γ(x + 1) = x Γ(x).
    private static double LnGammaHalfInteger(int m)
    {
        double x = m % 2 == 0 ? 1 : 0.5, log = m % 2 == 0 ? 0 : 0.5 * Math.Log(Math.PI);
        for (; x < m / 2.0; x++) log += Math.Log(x);
        return log;
    }

    // ψ(m/2): ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(x + 1) = ψ(x) + 1/x.
    private static double DigammaHalfInteger(int m)
    {
        const double gamma = 0.57721566490153286;
        double x = m % 2 == 0 ? 1 : 0.5, psi = m % 2 == 0 ? -gamma : -gamma - 2 * Math.Log(2);
        for (; x < m / 2.0; x++) psi += 1 / x;
        return psi;
    }

    private static double LogDet(double[,] a, int start, int size)
    {
        var m = new double[size, size];
        for (int i = 0; i < size; i++) for (int j = 0; j < size; j++) m[i, j] = a[start + i, start + j];
        double log = 0;
        for (int c = 0; c < size; c++)
        {
            log += Math.Log(m[c, c]);
            for (int r = c + 1; r < size; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int k = c; k < size; k++) m[r, k] -= f * m[c, k];
            }
        }
        return log;
    }
}
