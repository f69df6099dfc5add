using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Estimators;

/// <summary>Paired samples drawn from a built-in family, with its closed-form MI, for estimator tests.</summary>
internal static class FamilyData
{
    public static PairedSamples Sample(string spec, int n, Rng rng, out double truth)
    {
        var family = FamilySpec.Parse(spec);
        truth = family.MutualInformation;
        var x = new double[n * family.DimX];
        var y = new double[n * family.DimY];
        family.SampleJoint(rng, x, y);
        return new PairedSamples(x, y, family.DimX, family.DimY);
    }
}
