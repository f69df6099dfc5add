using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Estimators;

/// <summary>Issue 10, item 5: the library's loops end on inputs that used to make them spin (constant columns, NaN correlations).</summary>
public class BoundedLoopsTests
{
    private static PairedSamples WithConstantY(int n)
    {
        var rng = new Rng(9);
        var x = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        return new PairedSamples(x, Enumerable.Repeat(4.0, n).ToArray(), 1, 1, ["x"], ["y"]);
    }

    [Fact]
    public async Task CopulaKsgOnAConstantColumnThrowsNamingItInsteadOfSpinning()
    {
        var estimator = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 2, Threads = 1 }, Surrogates = 2 });
        var run = Task.Run(() => Assert.ThrowsAny<ArgumentException>(() => estimator.Estimate(WithConstantY(100), 1)));
        var error = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("'y'", error.Message);
    }

    [Fact]
    public async Task CollinearColumnsStillGetAPositiveDefiniteSurrogateInFewShrinkSteps()
    {
        // Two identical X columns: the correlation matrix is singular and must be shrunk, boundedly, to a usable one.
        var rng = new Rng(4);
        int n = 200;
        var x = new double[2 * n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = x[2 * i + 1] = rng.NextGaussian();
            y[i] = x[2 * i] + rng.NextGaussian();
        }
        var estimator = new CopulaKsgEstimator(new CopulaKsgOptions { Ksg = new KsgOptions { Splits = 0, Threads = 1, TieNoise = 1e-10 }, Surrogates = 2 });
        var run = Task.Run(() => estimator.PointEstimate(new PairedSamples(x, y, 2, 1), 3));
        Assert.True(double.IsFinite(await run.WaitAsync(TimeSpan.FromSeconds(30))));
    }
}
