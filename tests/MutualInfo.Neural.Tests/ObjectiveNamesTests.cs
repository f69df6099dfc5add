using MutualInfo.Neural.Estimation;
using MutualInfo.Neural.Objectives;

namespace MutualInfo.Neural.Tests;

/// <summary>One list of objective names: the parser, the data estimator and the CLI read it; typos list what is valid there.</summary>
public class ObjectiveNamesTests
{
    [Fact]
    public void Every_listed_objective_parses_to_itself()
    {
        foreach (var o in ObjectiveNames.All)
        {
            Assert.Equal(o.Name, ObjectiveSpec.Parse(o.Name).Name);
            Assert.Equal(o.Name, ObjectiveSpec.Parse(o.DefaultSpec).Name);
        }
        Assert.Equal(ObjectiveNames.Names, ObjectiveSpec.Names);
    }

    [Fact]
    public void Every_data_estimator_objective_builds_a_neural_estimator_of_that_name()
    {
        Assert.Equal(["infonce", "nwj", "smile", "js", "dv"], ObjectiveNames.DataEstimatorNames);
        foreach (var o in ObjectiveNames.DataEstimators)
            Assert.Equal(o.Name, new NeuralEstimator(new NeuralEstimatorOptions { Objective = o.DefaultSpec }).Name);
        Assert.Equal(ObjectiveNames.DataEstimatorNames, NeuralEstimator.SupportedObjectives);
    }

    [Fact]
    public void A_typo_in_the_data_estimator_lists_only_its_objectives()
    {
        var e = Assert.Throws<ArgumentException>(() => new NeuralEstimator(new NeuralEstimatorOptions { Objective = "infonse" }));
        Assert.Equal("options.Objective", e.ParamName);
        Assert.Equal("unknown estimator 'infonse'; known: infonce, nwj, smile, js, dv", ArgumentMessages.RuleOf(e));
        foreach (string trainingOnly in ObjectiveNames.All.Where(o => !o.DataEstimator).Select(o => o.Name))
            Assert.DoesNotContain(trainingOnly, e.Message);
    }

    [Fact]
    public void A_training_only_objective_is_named_as_such_in_the_data_estimator()
    {
        var e = Assert.Throws<ArgumentException>(() => new NeuralEstimator(new NeuralEstimatorOptions { Objective = "mine:rate=0.1" }));
        Assert.Equal("the objective 'mine' is not available here (available: infonce, nwj, smile, js, dv)", ArgumentMessages.RuleOf(e));
    }

    [Fact]
    public void A_typo_in_a_training_spec_lists_every_objective()
    {
        var e = Assert.Throws<ArgumentException>(() => ObjectiveSpec.Parse("smil"));
        Assert.Equal("estimators", e.ParamName);
        Assert.Equal($"unknown estimator 'smil'; known: {string.Join(", ", ObjectiveNames.Names)}", ArgumentMessages.RuleOf(e));
    }
}
