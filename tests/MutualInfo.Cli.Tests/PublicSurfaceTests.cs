using MutualInfo.Neural.Estimation;

namespace MutualInfo.Cli.Tests;

/// <summary>
/// The libraries export the entry points, estimators, families, bounds and options a user needs; plumbing is internal
/// (visible to our own assemblies only). PublicAPI.Shipped.txt pins the rest at build time.
/// </summary>
public class PublicSurfaceTests
{
    private static readonly string[] Plumbing =
    [
        "JsonNumbers", "OrderedSum", "ShardSpec", "MemoryBudget", "BenchJson", "BenchRunner", "Simulator", "SimulationSettings",
        "Standardization", "SampleValidation", "SpecialFunctions", "RunningMoments", "BatchSizeList", "CriticSpec",
        "ElfVersionNeeds", "GlibcMalloc", "FlatAdam", "TorchRuntime", "TorchBounds",
    ];

    private static IEnumerable<Type> Exported() =>
        typeof(MutualInformation).Assembly.GetExportedTypes().Concat(typeof(NeuralEstimator).Assembly.GetExportedTypes());

    [Fact]
    public void Plumbing_is_not_exported()
    {
        var exported = Exported().Select(t => t.Name).ToHashSet();
        foreach (string name in Plumbing) Assert.DoesNotContain(name, exported);
    }

    [Fact]
    public void Entry_points_are_exported()
    {
        var exported = Exported().Select(t => t.FullName).ToHashSet();
        foreach (string name in new[] { "MutualInfo.MutualInformation", "MutualInfo.Bound", "MutualInfo.Simulations", "MutualInfo.ConditionalMi",
                     "MutualInfo.FeatureRanking", "MutualInfo.Estimators.EstimatorNames", "MutualInfo.Neural.Objectives.ObjectiveNames",
                     "MutualInfo.Neural.Estimation.NeuralEstimator" })
            Assert.Contains(name, exported);
    }
}
