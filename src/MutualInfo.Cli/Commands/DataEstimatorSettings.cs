using MutualInfo.Estimators;

namespace MutualInfo.Cli.Commands;

/// <summary>Estimator settings gathered from the command line, handed to <see cref="DataEstimatorCatalog"/>.</summary>
internal sealed record DataEstimatorSettings(int K, double TieNoise, int Splits, int Resamples, double BiasAllowance, NeighbourSearch Search, int Threads, Action<int, int>? Progress = null)
{
    public KsgOptions Ksg(KsgVariant variant) =>
        new() { K = K, Variant = variant, TieNoise = TieNoise, Splits = Splits, BiasAllowance = BiasAllowance, Search = Search, Threads = Threads, Progress = Progress };

    public GaussianOptions Gaussian() => new() { Resamples = Resamples, Threads = Threads };

    // Touches MutualInfo.Neural only when a neural estimator is asked for; libtorch itself loads at the first estimate.
    // One torch thread whatever --threads says: measured 6 s with one thread against 49 s with two for InfoNCE on
    // 2000 rows (small matrices; libtorch's intra-op threads only contend), and results stay bit-reproducible.
    public IMiEstimator Neural(string objective) =>
        new MutualInfo.Neural.Estimation.NeuralEstimator(new MutualInfo.Neural.Estimation.NeuralEstimatorOptions { Objective = objective, Threads = 1, Progress = Progress });
}
