using CsCheck;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class BilinearKernelTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void KernelMatchesNaiveTripleLoop(bool vectorised)
    {
        Gen.Select(Gen.Int[1, 21], Gen.Int[1, 300], Gen.Int[1, 25], Gen.ULong).Sample((nx, ny, k, seed) =>
        {
            var rng = new Rng(seed);
            var u = Fill(rng, nx * k);
            var v = Fill(rng, ny * k);
            var rows = Fill(rng, nx);
            var cols = Fill(rng, ny);
            var dest = new double[nx * ny];
            BilinearKernel.Compute(u, v, k, rows, cols, dest, vectorised);
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++)
                {
                    double expected = rows[i] + cols[j];
                    for (int t = 0; t < k; t++) expected += u[i * k + t] * v[j * k + t];
                    Assert.True(Math.Abs(expected - dest[i * ny + j]) <= 1e-12 * (1 + k), $"[{i},{j}] of {nx}x{ny}, k={k}");
                }
        }, iter: 60, threads: 1);
    }

    private static double[] Fill(Rng rng, int n)
    {
        var a = new double[n];
        rng.FillGaussian(a);
        return a;
    }
}
