using CsCheck;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Statistics;

public class ResamplingTests
{
    [Fact]
    public void PermutationIsAPermutation() =>
        Gen.Select(Gen.ULong, Gen.Int[1, 500]).Sample((seed, n) =>
        {
            var p = Resampling.Permutation(new Rng(seed), n);
            return p.OrderBy(v => v).SequenceEqual(Enumerable.Range(0, n));
        });

    [Fact]
    public void PermutationTestPValueCountsNullsAtLeastObserved()
    {
        // Statistic = replicate index: nulls are 0..K−1, so #{null ≥ 7} = K − 7.
        const int k = 19;
        double p = PermutationTest.PValue(7, 10, k, 1, (_, r) => r);
        Assert.Equal((1.0 + k - 7) / (k + 1), p, 12);
    }

    [Fact]
    public void PermutationTestIsUniformUnderTheNull()
    {
        // Exchangeable statistic (a mean of the first half after permuting i.i.d. data): p-values are uniform.
        var rng = new Rng(5);
        var data = new double[40];
        rng.FillGaussian(data);
        int rejected = 0;
        const int trials = 200;
        for (int t = 0; t < trials; t++)
        {
            var own = Resampling.Permutation(Rng.ForStream(99, (ulong)t), data.Length);
            double observed = own.Take(20).Average(i => data[i]);
            double p = PermutationTest.PValue(observed, data.Length, 39, (ulong)t, (perm, _) => perm.Take(20).Average(i => data[i]));
            if (p <= 0.1) rejected++;
        }
        // Binomial(200, 0.1): mean 20, sd 4.2.
        Assert.InRange(rejected, 20 - 4 * 4.3, 20 + 4 * 4.3);
    }
}
