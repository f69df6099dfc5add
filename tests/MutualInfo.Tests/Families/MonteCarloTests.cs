using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Families;

public class MonteCarloTests
{
    private const int Samples = 60_000;
    private const int Negatives = 40_000;

    [Theory]
    [MemberData(nameof(TestFamilies.All), MemberType = typeof(TestFamilies))]
    public void MeanLogRatioOverTheJointIsTheMutualInformation(string key)
    {
        var family = (KnownMiFamily)TestFamilies.Get(key);
        var rng = new Rng(20240601);
        var x = new double[Samples * family.DimX];
        var y = new double[Samples * family.DimY];
        family.SampleJoint(rng, x, y);
        var moments = new RunningMoments();
        for (int i = 0; i < Samples; i++)
            moments.Add(family.LogRatio(x.AsSpan(i * family.DimX, family.DimX), y.AsSpan(i * family.DimY, family.DimY)));
        AssertWithinFourSe(family.MutualInformation, moments, key);
    }

    [Theory]
    [MemberData(nameof(TestFamilies.All), MemberType = typeof(TestFamilies))]
    public void RatioAveragesToOneOverTheXMarginal(string key)
    {
        // E_{x̄ ~ P_X} r(x̄, y) = ∫ p(x̄ | y) dx̄ = 1 for every y: checks normalisation and the negative sampler.
        var family = TestFamilies.Get(key);
        var rng = new Rng(77);
        var x = new double[3 * family.DimX];
        var y = new double[3 * family.DimY];
        family.SampleJoint(rng, x, y);
        var scores = new double[Negatives];
        for (int j = 0; j < 3; j++)
        {
            family.SampleNegativeLogRatios(rng, y.AsSpan(j * family.DimY, family.DimY), scores);
            var moments = new RunningMoments();
            foreach (double s in scores) moments.Add(Math.Exp(s));
            AssertWithinFourSe(1.0, moments, $"{key}, y #{j}");
        }
    }

    private static void AssertWithinFourSe(double truth, RunningMoments moments, string where) =>
        Assert.True(Math.Abs(moments.Mean - truth) < 4 * moments.StdError + 1e-12,
            $"{where}: mean {moments.Mean:R} vs {truth:R}, SE {moments.StdError:R}");
}
