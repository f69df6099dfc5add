using CsCheck;
using MutualInfo.Data;
using MutualInfo.Numerics;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Data;

public class NormalScoresTests
{
    [Fact]
    public void DistinctValuesGetTheNormalQuantilesOfTheirRanks() =>
        Gen.Double[-1e6, 1e6].Array[2, 60].Sample(values =>
        {
            var distinct = values.Distinct().ToArray();
            var scores = NormalScores.Apply(new PairedSamples(distinct, distinct.Reverse().ToArray(), 1, 1)).X;
            int n = distinct.Length;
            for (int i = 0; i < n; i++)
            {
                int rank = 1 + distinct.Count(v => v < distinct[i]);
                Assert.Equal(SpecialFunctions.NormalQuantile((rank - 0.5) / n), scores[i], 15);
            }
        });

    [Fact]
    public void TiedValuesShareTheScoreOfTheirAverageRank()
    {
        double[] x = [5, 1, 5, 3, 5];
        var scores = NormalScores.Apply(new PairedSamples(x, x, 1, 1)).X;
        // Ranks: 1 → 1, 3 → 2, the three 5s → (3 + 4 + 5)/3 = 4.
        Assert.Equal(SpecialFunctions.NormalQuantile(0.5 / 5), scores[1], 15);
        Assert.Equal(SpecialFunctions.NormalQuantile(1.5 / 5), scores[3], 15);
        foreach (int i in new[] { 0, 2, 4 }) Assert.Equal(SpecialFunctions.NormalQuantile(3.5 / 5), scores[i], 15);
    }

    [Fact]
    public void StrictlyMonotoneMapsOfAColumnLeaveTheScoresUnchanged() =>
        Gen.Int[-500, 500].Array[3, 40].Select(Gen.Int[1, 3]).Sample((ints, dim) =>
        {
            // Multiples of 0.01 in [−5, 5]: the maps below stay strictly monotone in double precision there.
            var values = ints.Select(i => i / 100.0).ToArray();
            int n = values.Length / dim;
            var x = values[..(n * dim)];
            var mapped = x.Select((v, i) => (i % dim) switch { 0 => Math.Exp(v), 1 => -v * v * v, _ => Math.Atan(v) }).ToArray();
            var y = new double[n];
            var a = NormalScores.Apply(new PairedSamples(x, y, dim, 1));
            var b = NormalScores.Apply(new PairedSamples(mapped, y, dim, 1));
            // Increasing maps give identical scores; a decreasing one (−v³ in column 1) mirrors them (Φ⁻¹ is odd).
            for (int i = 0; i < x.Length; i++)
                if (i % dim == 1) Assert.Equal(-a.X[i], b.X[i], 12);
                else Assert.Equal(a.X[i], b.X[i]);
        });

    [Fact]
    public void ScoresAreIdenticalForAnyThreadCountAndEqualTheSortAndAverageRankDefinition()
    {
        // 3 × 2 columns with many ties (rounded values) and more rows than one parallel block of quantiles.
        var rng = new Rng(12);
        int n = 40_000;
        var x = Enumerable.Range(0, 3 * n).Select(_ => Math.Round(rng.NextGaussian(), 2)).ToArray();
        var y = Enumerable.Range(0, 2 * n).Select(_ => rng.NextGaussian()).ToArray();
        var samples = new PairedSamples(x, y, 3, 2);
        var one = NormalScores.Apply(samples, 1);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            var many = NormalScores.Apply(samples, threads);
            Assert.Equal(one.X, many.X);
            Assert.Equal(one.Y, many.Y);
        }
        for (int c = 0; c < 3; c++)
        {
            var column = Enumerable.Range(0, n).Select(i => x[i * 3 + c]).ToArray();
            for (int i = 0; i < n; i += 997)
            {
                double below = column.Count(v => v < column[i]), equal = column.Count(v => v == column[i]);
                double averageRank = below + (equal + 1) / 2;
                Assert.Equal(SpecialFunctions.NormalQuantile((averageRank - 0.5) / n), one.X[i * 3 + c]);
            }
        }
    }
}
