using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class DeterminismTests
{
    [Theory]
    [MemberData(nameof(TestFamilies.All), MemberType = typeof(TestFamilies))]
    public void SamplingIsAFunctionOfTheSeed(string key)
    {
        var family = TestFamilies.Get(key);
        var first = Draw(family, 123);
        Assert.Equal(first, Draw(family, 123));
        Assert.NotEqual(first, Draw(family, 124));
    }

    private static double[] Draw(IKnownMiFamily family, ulong seed)
    {
        var rng = Rng.ForStream(seed, 0);
        var x = new double[50 * family.DimX];
        var y = new double[50 * family.DimY];
        family.SampleJoint(rng, x, y);
        var xBar = new double[50 * family.DimX];
        family.SampleMarginalX(rng, xBar);
        var negatives = new double[50];
        family.SampleNegativeLogRatios(rng, y.AsSpan(0, family.DimY), negatives);
        return [.. x, .. y, .. xBar, .. negatives];
    }
}
