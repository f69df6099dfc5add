using MutualInfo.Benchmarking;

namespace MutualInfo.Tests.Benchmarking;

/// <summary>BMI v1's 39 tasks: present under our names with BMI's ids as aliases, and exact truths.</summary>
public class BmiV1TaskTests
{
    // BMI's ids as its task factories build them for workflows/benchmark/v1/config.py, in its order.
    private static readonly string[] BmiIds =
    [
        "1v1-normal-0.75", "normal_cdf-1v1-normal-0.75", "1v1-additive-0.75", "1v1-bimodal-0.75", "wiggly-1v1-normal-0.75",
        "half_cube-1v1-normal-0.75", "student-identity-1-1-1", "asinh-student-identity-1-1-1", "swissroll_x-normal_cdf-1v1-normal-0.75",
        "multinormal-dense-2-2-0.5", "multinormal-dense-3-3-0.5", "multinormal-dense-5-5-0.5", "multinormal-dense-25-25-0.5",
        "multinormal-dense-50-50-0.5", "multinormal-sparse-2-2-2-2.0", "multinormal-sparse-3-3-2-2.0", "multinormal-sparse-5-5-2-2.0",
        "multinormal-sparse-25-25-2-2.0", "student-identity-2-2-1", "student-identity-2-2-2", "student-identity-3-3-2",
        "student-identity-3-3-3", "student-identity-5-5-2", "student-identity-5-5-3",
        "normal_cdf-multinormal-sparse-3-3-2-2.0", "normal_cdf-multinormal-sparse-5-5-2-2.0", "normal_cdf-multinormal-sparse-25-25-2-2.0",
        "half_cube-multinormal-sparse-3-3-2-2.0", "half_cube-multinormal-sparse-5-5-2-2.0", "half_cube-multinormal-sparse-25-25-2-2.0",
        "spiral-multinormal-sparse-3-3-2-2.0", "spiral-multinormal-sparse-5-5-2-2.0", "spiral-multinormal-sparse-25-25-2-2.0",
        "spiral-normal_cdf-multinormal-sparse-3-3-2-2.0", "spiral-normal_cdf-multinormal-sparse-5-5-2-2.0",
        "spiral-normal_cdf-multinormal-sparse-25-25-2-2.0",
        "asinh-student-identity-2-2-1", "asinh-student-identity-3-3-2", "asinh-student-identity-5-5-2",
    ];

    [Fact]
    public void The_39_tasks_carry_bmis_ids_in_bmis_order()
    {
        Assert.Equal(39, TaskSuite.BmiV1.Count);
        Assert.Equal(BmiIds, TaskSuite.BmiV1.Select(t => t.BmiAlias));
        Assert.Equal(39, TaskSuite.BmiV1.Select(t => t.Name).Distinct().Count());
        Assert.Equal(39, TaskSuite.All.Count(t => t.BmiAlias is not null));
        foreach (string id in BmiIds)
        {
            Assert.Equal(id, TaskSuite.Find(id)!.BmiAlias);
            Assert.Equal([TaskSuite.Find(id)!], TaskSuite.Select([id]));
        }
    }

    [Fact]
    public void Older_task_names_keep_their_specs()
    {
        // Names are a contract: the tasks that existed before keep name and family, and only gain the alias.
        Assert.Equal("multinormal:sparse=2,rho=0.8,dx=5,dy=5", TaskSuite.Find("multinormal-sparse-5-5-2-2.0")!.FamilySpecification);
        Assert.Equal("multinormal-sparse-5-5-2-0.8", TaskSuite.Find("multinormal-sparse-5-5-2-2.0")!.Name);
        Assert.Equal("student-t:dx=1,dy=1,dof=1+asinh", TaskSuite.Find("asinh-student-identity-1-1-1")!.FamilySpecification);
    }

    public static TheoryData<string, double> Truths()
    {
        double binormal = -0.5 * Math.Log(1 - 0.75 * 0.75);
        double sparse = -2 * 0.5 * Math.Log(1 - 0.8 * 0.8);
        var data = new TheoryData<string, double>
        {
            { "1v1-normal-0.75", binormal }, { "normal_cdf-1v1-normal-0.75", binormal }, { "1v1-additive-0.75", 1 / (4 * 0.75) },
            { "1v1-bimodal-0.75", binormal }, { "wiggly-1v1-normal-0.75", binormal }, { "half_cube-1v1-normal-0.75", binormal },
            { "swissroll_x-normal_cdf-1v1-normal-0.75", binormal },
        };
        // Dense d×d, all correlations ½: a k×k block has eigenvalues ½ (k − 1 times) and (1 + k)/2, so I = ln(1 + d) − ½ ln(2d + 1).
        foreach (int d in new[] { 2, 3, 5, 25, 50 }) data.Add($"multinormal-dense-{d}-{d}-0.5", Math.Log(1 + d) - 0.5 * Math.Log(2 * d + 1));
        foreach (string prefix in new[] { "", "normal_cdf-", "half_cube-", "spiral-", "spiral-normal_cdf-" })
            foreach (int d in prefix.Length == 0 ? new[] { 2, 3, 5, 25 } : new[] { 3, 5, 25 })
                data.Add($"{prefix}multinormal-sparse-{d}-{d}-2-2.0", sparse);
        foreach ((int d, int dof) in new[] { (1, 1), (2, 1), (2, 2), (3, 2), (3, 3), (5, 2), (5, 3) })
            data.Add($"student-identity-{d}-{d}-{dof}", StudentT(d, dof));
        foreach ((int d, int dof) in new[] { (1, 1), (2, 1), (3, 2), (5, 2) })
            data.Add($"asinh-student-identity-{d}-{d}-{dof}", StudentT(d, dof));
        return data;
    }

    [Theory]
    [MemberData(nameof(Truths))]
    public void Truth_is_the_base_familys_closed_form(string bmiId, double expected) =>
        Assert.Equal(expected, TaskSuite.Find(bmiId)!.Mi, 10);

    [Fact]
    public void Every_bmi_task_has_a_truth_checked_here() =>
        Assert.Equal(BmiIds.Order(), Truths().Select(row => (string)row[0]).Order());

    [Fact]
    public void Preset_selects_the_39_tasks_and_narrows_by_name_or_alias()
    {
        Assert.Equal(TaskSuite.BmiV1, BenchPreset.Tasks("bmi-v1", []));
        Assert.Equal(["spiral-multinormal-sparse-3-3", "spiral-multinormal-sparse-5-5", "spiral-multinormal-sparse-25-25"],
            BenchPreset.Tasks("bmi-v1", ["spiral-multinormal-*"]).Select(t => t.Name));
        Assert.Equal(["student-t-3-3-dof2"], BenchPreset.Tasks("bmi-v1", ["student-identity-3-3-2"]).Select(t => t.Name));
        Assert.Equal(TaskSuite.All, BenchPreset.Tasks(null, []));
        var unknown = Assert.ThrowsAny<ArgumentException>(() => BenchPreset.Tasks("bmi-v2", []));
        Assert.StartsWith("preset: unknown preset 'bmi-v2'", ErrorLine.Of(unknown));
        var outside = Assert.ThrowsAny<ArgumentException>(() => BenchPreset.Tasks("bmi-v1", ["discrete-2x2"]));
        Assert.StartsWith("patterns: no task of the preset bmi-v1", ErrorLine.Of(outside));
    }

    // Student-t with identity dispersion: I = h(d) + h(d) − h(2d), h(k) = −lnΓ((ν+k)/2) + lnΓ(ν/2) + (k/2) ln(νπ)
    // + ((ν+k)/2)(ψ((ν+k)/2) − ψ(ν/2)); every argument here is a half-integer m/2, where Γ and ψ are elementary.
    private static double StudentT(int d, int dof)
    {
        double H(int k) => -LnGammaHalf(dof + k) + LnGammaHalf(dof) + 0.5 * k * Math.Log(dof * Math.PI)
                           + 0.5 * (dof + k) * (DigammaHalf(dof + k) - DigammaHalf(dof));
        return 2 * H(d) - H(2 * d);
    }

    // ln Γ(m/2): Γ(½) = √π, Γ(1) = 1, Γ(x + 1) = x Γ(x).
    private static double LnGammaHalf(int m)
    {
        double x = m % 2 == 0 ? 1 : 0.5, log = m % 2 == 0 ? 0 : 0.5 * Math.Log(Math.PI);
        for (; x < m / 2.0; x++) log += Math.Log(x);
        return log;
    }

    // ψ(m/2): ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(x + 1) = ψ(x) + 1/x.
    private static double DigammaHalf(int m)
    {
        const double eulerGamma = 0.57721566490153286;
        double x = m % 2 == 0 ? 1 : 0.5, psi = m % 2 == 0 ? -eulerGamma : -eulerGamma - 2 * Math.Log(2);
        for (; x < m / 2.0; x++) psi += 1 / x;
        return psi;
    }
}
