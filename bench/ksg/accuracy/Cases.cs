using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Bench.Accuracy;

/// <summary>One accuracy case: a built-in family (its spec), sampled with <see cref="IKnownMiFamily.SampleJoint"/>.</summary>
internal sealed record Case(string Name, double TrueMi, Func<int, Rng, PairedSamples> Sample);

/// <summary>The accuracy cases: built-in families (FamilySpec) at low MI (≤ 2 nats) in several dimensions and
/// transforms, plus high-MI cases of 5 nats.</summary>
internal static class Cases
{
    public static readonly string[] Specs =
    [
        "gaussian:dim=1,mi=0",
        "gaussian:dim=1,mi=0.5",
        "gaussian:dim=1,mi=2",
        "gaussian:dim=2,mi=1",
        "gaussian:dim=3,mi=1",
        "gaussian:dim=3,mi=2",
        "multinormal:dense=0.5,dx=3,dy=3",
        "gaussian:dim=1,mi=1+cubic",
        "gaussian:dim=2,mi=1+asinh",
        "gaussian:dim=2,mi=0.5+half-cube",
        "student-t:dx=1,dy=1,dof=3",
        "student-t:dx=2,dy=2,dof=2",
        "uniform-additive:eps=0.1",
        "gaussian:dim=1,mi=5",
        "gaussian:dim=2,mi=5",
    ];

    public static IReadOnlyList<Case> All { get; } = Specs.Select(FromSpec).ToArray();

    private static Case FromSpec(string spec)
    {
        var family = FamilySpec.Parse(spec);
        return new Case(spec, family.MutualInformation, (n, rng) =>
        {
            var x = new double[n * family.DimX];
            var y = new double[n * family.DimY];
            family.SampleJoint(rng, x, y);
            return new PairedSamples(x, y, family.DimX, family.DimY);
        });
    }
}
