using MutualInfo.Numerics;
using CsCheck;
using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Estimators;

public class KsgEstimatorTests
{
    /// <summary>Independent O(n²) transcription of KSG (2004) eqs. (8) and (9), digamma via harmonic numbers.</summary>
    private static double NaiveKsg(PairedSamples s, int k, KsgVariant variant)
    {
        int n = s.Count;
        double Psi(int m) => -SpecialFunctions.EulerGamma + Enumerable.Range(1, m - 1).Sum(j => 1.0 / j);
        double Dist(double[] v, int dim, int i, int j) => Enumerable.Range(0, dim).Max(c => Math.Abs(v[i * dim + c] - v[j * dim + c]));
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            var others = Enumerable.Range(0, n).Where(j => j != i)
                .Select(j => (j, dx: Dist(s.X, s.DimX, i, j), dy: Dist(s.Y, s.DimY, i, j)))
                .OrderBy(t => Math.Max(t.dx, t.dy)).ToArray();
            var nearest = others.Take(k).ToArray();
            if (variant == KsgVariant.First)
            {
                double eps = Math.Max(nearest[^1].dx, nearest[^1].dy);
                // Strictly closer than ε; at ε = 0 (duplicates) scikit-learn counts distance-0 points.
                bool Inside(double d) => eps > 0 ? d < eps : d == 0;
                sum += Psi(others.Count(t => Inside(t.dx)) + 1) + Psi(others.Count(t => Inside(t.dy)) + 1);
            }
            else
            {
                double ex = nearest.Max(t => t.dx), ey = nearest.Max(t => t.dy);
                sum += Psi(others.Count(t => t.dx <= ex)) + Psi(others.Count(t => t.dy <= ey));
            }
        }
        return variant == KsgVariant.First
            ? Psi(k) + Psi(n) - sum / n
            : Psi(k) - 1.0 / k + Psi(n) - sum / n;
    }

    [Fact]
    public void MatchesNaiveReferenceOnContinuousData() =>
        Gen.Select(Gen.ULong, Gen.Int[10, 120], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 5]).Sample((seed, n, dx, dy, k) =>
        {
            var s = GaussianSamples.Draw(n, 1, 0.7, seed);
            var rng = new Rng(seed + 1);
            var x = new double[n * dx];
            var y = new double[n * dy];
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < dx; c++) x[i * dx + c] = c == 0 ? s.X[i] : rng.NextGaussian();
                for (int c = 0; c < dy; c++) y[i * dy + c] = c == 0 ? s.Y[i] : rng.NextGaussian();
            }
            var data = new PairedSamples(x, y, dx, dy);
            foreach (var variant in new[] { KsgVariant.First, KsgVariant.Second })
                foreach (var search in new[] { NeighbourSearch.Tree, NeighbourSearch.BruteForce })
                {
                    var est = new KsgEstimator(new KsgOptions { K = k, Variant = variant, TieNoise = 0, Search = search });
                    double expected = NaiveKsg(data, k, variant);
                    if (Math.Abs(est.PointEstimate(data, 1) - expected) > 1e-12) return false;
                }
            return true;
        }, iter: 25);

    [Fact]
    public void Estimator1MatchesNaiveReferenceWithTiesAndDuplicates() =>
        Gen.Select(Gen.ULong, Gen.Int[10, 100], Gen.Int[1, 4]).Sample((seed, n, k) =>
        {
            var rng = new Rng(seed);
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = rng.NextInt(6);
                y[i] = x[i] + rng.NextInt(3);
            }
            var data = new PairedSamples(x, y, 1, 1);
            double expected = NaiveKsg(data, k, KsgVariant.First);
            return new[] { NeighbourSearch.Tree, NeighbourSearch.BruteForce }.All(search =>
                Math.Abs(new KsgEstimator(new KsgOptions { K = k, TieNoise = 0, Search = search }).PointEstimate(data, 1) - expected) < 1e-12);
        }, iter: 40);

    // Coarse integer coordinates: many exact ties and duplicates, the hard case for the block scan's box pruning.
    [Theory]
    [InlineData(2, 3, 700, 3)]
    [InlineData(5, 5, 1000, 1)]
    public void BlockScanMatchesTreeOnTiedData(int dimX, int dimY, int n, int k)
    {
        var rng = new Rng((ulong)(dimX * 100 + n));
        var x = new double[n * dimX];
        var y = new double[n * dimY];
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextInt(5);
        for (int i = 0; i < y.Length; i++) y[i] = rng.NextInt(4) + (i % dimY == 0 ? x[i / dimY * dimX] : 0);
        var data = new PairedSamples(x, y, dimX, dimY);
        double[] Terms(NeighbourSearch search) => new KsgEstimator(new KsgOptions { K = k, Search = search, TieNoise = 0 }).PointTerms(data);
        Assert.Equal(Terms(NeighbourSearch.Tree), Terms(NeighbourSearch.BruteForce));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 2)]
    public void TreeAndBruteForceGiveIdenticalTermsAndThreadsDoNotMatter(int dim, int k)
    {
        var s = GaussianSamples.Draw(1500, dim, 0.8, 11);
        double[] Terms(NeighbourSearch search, int threads) =>
            new KsgEstimator(new KsgOptions { K = k, Search = search, Threads = threads, TieNoise = 0 }).PointTerms(s);
        var reference = Terms(NeighbourSearch.Tree, 1);
        Assert.Equal(reference, Terms(NeighbourSearch.BruteForce, 2));
        Assert.Equal(reference, Terms(NeighbourSearch.Tree, 2));
    }

    [Theory]
    [InlineData(1, 0.5108256237659907)] // ρ = 0.8
    [InlineData(2, 1.0)]
    [InlineData(1, 0.0)]
    public void EstimateIsCloseToTruthAndItsCiCovers(int dim, double mi)
    {
        var s = Standardization.Apply(GaussianSamples.Draw(2000, dim, mi, 2024));
        var e = new KsgEstimator(new KsgOptions { Splits = 10 }).Estimate(s, 7);
        Assert.InRange(e.StdError, 0.005, 0.06);
        Assert.True(Math.Abs(e.Mi - mi) < 4 * e.StdError, $"estimate {e.Mi} vs {mi}, SE {e.StdError}");
        Assert.True(e.Ci95Low < e.Mi && e.Mi < e.Ci95High);
        Assert.Equal(("ksg", 2000, dim, dim), (e.Estimator, e.NSamples, e.DimX, e.DimY));
        Assert.Null(e.LogNCap);
        Assert.Contains("half-splitting", e.UncertaintyMethod);
    }

    [Fact]
    public void HalfSplitErrorTracksTheSpreadOverIndependentDatasets()
    {
        // The SE should estimate the sd of the estimator across fresh datasets (here 16 of them).
        var estimator = new KsgEstimator(new KsgOptions { Splits = 10 });
        var values = new RunningMoments();
        var ses = new RunningMoments();
        for (int r = 0; r < 16; r++)
        {
            var e = estimator.Estimate(GaussianSamples.Draw(600, 1, 0.5, 500 + (ulong)r), (ulong)r);
            values.Add(e.Mi);
            ses.Add(e.StdError);
        }
        double ratio = ses.Mean / Math.Sqrt(values.Variance);
        // With 16 datasets the sd itself is uncertain by ~18%; a factor-of-two band catches real errors.
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public void SameSeedSameResultAndTieNoiseIsTiny()
    {
        var s = GaussianSamples.Draw(400, 1, 0.5, 3);
        var est = new KsgEstimator();
        Assert.Equal(est.Estimate(s, 5), est.Estimate(s, 5), new EstimateComparer());
        var noisy = est.WithTieNoise(s, 5);
        Assert.All(s.X.Zip(noisy.X), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-8));
        Assert.NotEqual(s.X, noisy.X);
    }

    private sealed class EstimateComparer : IEqualityComparer<MiEstimate>
    {
        public bool Equals(MiEstimate? a, MiEstimate? b) =>
            a is not null && b is not null && a.Mi == b.Mi && a.StdError == b.StdError && a.Ci95Low == b.Ci95Low && a.Warnings.SequenceEqual(b.Warnings);
        public int GetHashCode(MiEstimate e) => e.Mi.GetHashCode();
    }

    [Fact]
    public void InvalidSettingsAndTooFewRowsAreUsageErrors()
    {
        Assert.Equal("options.K", Assert.Throws<ArgumentOutOfRangeException>(() => new KsgEstimator(new KsgOptions { K = 0 })).ParamName);
        Assert.Equal("options.Splits", Assert.Throws<ArgumentOutOfRangeException>(() => new KsgEstimator(new KsgOptions { Splits = 1 })).ParamName);
        var tiny = GaussianSamples.Draw(5, 1, 0.5, 1);
        var e = Assert.ThrowsAny<ArgumentException>(() => new KsgEstimator().Estimate(tiny, 1));
        Assert.Equal("samples: 5 data row(s), but ksg with k = 3 needs at least 8", ErrorLine.Of(e));
    }
}
