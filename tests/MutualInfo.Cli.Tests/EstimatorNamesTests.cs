using MutualInfo.Cli.Commands;
using MutualInfo.Estimators;
using MutualInfo.Neural.Objectives;

namespace MutualInfo.Cli.Tests;

/// <summary>The CLI's estimator list is the libraries' lists, in order, and builds estimators of those names.</summary>
[Collection(ConsoleCollection.Name)]
public class EstimatorNamesTests
{
    [Fact]
    public void The_catalog_is_the_core_names_then_the_neural_data_estimators()
    {
        Assert.Equal(EstimatorNames.All.Select(e => e.Name).Concat(ObjectiveNames.DataEstimatorNames), DataEstimatorCatalog.Names);
        Assert.Equal(EstimatorNames.Default, DataEstimatorCatalog.Default);
        foreach (var (name, description) in EstimatorNames.All) Assert.Contains($"{name}: {description}", DataEstimatorCatalog.HelpText);
    }

    [Fact]
    public void Each_core_name_builds_an_estimator_reporting_that_name()
    {
        var settings = new DataEstimatorSettings(3, 1e-10, 30, 200, KsgOptions.DefaultBiasAllowance, NeighbourSearch.Auto, 1);
        foreach (var (name, _) in EstimatorNames.All) Assert.Equal(name, DataEstimatorCatalog.Create(name, settings).Name);
    }

    [Fact]
    public void An_unknown_estimator_lists_every_catalog_name()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("d.csv");
        File.WriteAllText(csv, "X1,Y1\n1,2\n");
        var (exit, _, stderr) = CliRunner.Run("estimate", csv, "--estimator", "infonse");
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains($"(available: {string.Join(", ", DataEstimatorCatalog.Names)})", stderr);
    }
}
