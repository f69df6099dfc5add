namespace MutualInfo.Benchmarking;

/// <summary>
/// BMI v1's 39 tasks (cbg-ethz/bmi, <c>workflows/benchmark/v1/config.py</c>) in BMI's order: our task name and BMI's
/// task id. BMI's ids are built by its task factories (e.g. <c>spiral-</c> + base id, sparse tasks as
/// <c>multinormal-sparse-{dx}-{dy}-{pairs}-{strength}</c>, Student-t as <c>student-identity-{dx}-{dy}-{dof}</c>).
/// </summary>
internal static class BmiV1Order
{
    private static readonly (string Ours, string Bmi)[] Pairs = Build();

    /// <summary>Our names, in BMI's order.</summary>
    public static IReadOnlyList<string> Names { get; } = Pairs.Select(p => p.Ours).ToArray();

    /// <summary>BMI id by our name.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = Pairs.ToDictionary(p => p.Ours, p => p.Bmi);

    private static (string, string)[] Build()
    {
        var pairs = new List<(string, string)>
        {
            ("1v1-normal-0.75", "1v1-normal-0.75"),
            ("normal-cdf-1v1-normal-0.75", "normal_cdf-1v1-normal-0.75"),
            ("1v1-additive-0.75", "1v1-additive-0.75"),
            ("1v1-bimodal-0.75", "1v1-bimodal-0.75"),
            ("wiggly-1v1-normal-0.75", "wiggly-1v1-normal-0.75"),
            ("half-cube-1v1-normal-0.75", "half_cube-1v1-normal-0.75"),
            ("student-t-1-1-dof1", "student-identity-1-1-1"),
            ("asinh-student-t-1-1-dof1", "asinh-student-identity-1-1-1"),
            ("swiss-roll-x-normal-cdf-1v1-normal-0.75", "swissroll_x-normal_cdf-1v1-normal-0.75"),
        };
        foreach (int d in new[] { 2, 3, 5, 25, 50 }) pairs.Add(($"multinormal-dense-{d}-{d}-0.5", $"multinormal-dense-{d}-{d}-0.5"));
        foreach (int d in new[] { 2, 3, 5, 25 }) pairs.Add(($"multinormal-sparse-{d}-{d}-2-0.8", SparseId(d)));
        foreach ((int d, int dof) in new[] { (2, 1), (2, 2), (3, 2), (3, 3), (5, 2), (5, 3) })
            pairs.Add(($"student-t-{d}-{d}-dof{dof}", StudentId(d, dof)));
        foreach (int d in new[] { 3, 5, 25 }) pairs.Add(($"normal-cdf-multinormal-sparse-{d}-{d}", "normal_cdf-" + SparseId(d)));
        foreach (int d in new[] { 3, 5, 25 }) pairs.Add(($"half-cube-multinormal-sparse-{d}-{d}", "half_cube-" + SparseId(d)));
        foreach (int d in new[] { 3, 5, 25 }) pairs.Add(($"spiral-multinormal-sparse-{d}-{d}", "spiral-" + SparseId(d)));
        foreach (int d in new[] { 3, 5, 25 }) pairs.Add(($"spiral-normal-cdf-multinormal-sparse-{d}-{d}", "spiral-normal_cdf-" + SparseId(d)));
        foreach ((int d, int dof) in new[] { (2, 1), (3, 2), (5, 2) })
            pairs.Add(($"asinh-student-t-{d}-{d}-dof{dof}", "asinh-" + StudentId(d, dof)));
        return pairs.ToArray();
    }

    // BMI's sparse task: 2 interacting pairs of latent strength 2.0, i.e. correlation 2²/(1 + 2²) = 0.8 in each pair.
    private static string SparseId(int d) => $"multinormal-sparse-{d}-{d}-2-2.0";

    private static string StudentId(int d, int dof) => $"student-identity-{d}-{d}-{dof}";
}
