using MutualInfo.Estimators;

namespace MutualInfo.Cli.Commands;

/// <summary>Estimator settings gathered from the command line, handed to <see cref="DataEstimatorCatalog"/>.</summary>
internal sealed record DataEstimatorSettings(int K, double TieNoise, int Splits, int Resamples, double BiasAllowance, NeighbourSearch Search, int Threads, Action<int, int>? Progress = null)
{
    public KsgOptions Ksg(KsgVariant variant) =>
        new() { K = K, Variant = variant, TieNoise = TieNoise, Splits = Splits, BiasAllowance = BiasAllowance, Search = Search, Threads = Threads, Progress = Progress };

    public GaussianOptions Gaussian() => new() { Resamples = Resamples, Threads = Threads };
}
