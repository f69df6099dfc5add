using System.Text.Json;
using MutualInfo.Estimators;

namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>Issue 10, "smaller" items not covered by the other adversarial tests.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SmallerItemsTests : IDisposable
{
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Column_lists_in_json_are_arrays_so_names_with_commas_survive()
    {
        string csv = _files.Text("names.csv", "\"X,1\",\"X2\",Y1\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 7},{i % 5},{i % 3 + i % 7}\n")));
        var result = CliRunner.Run("estimate", csv, "--x", "0,1", "--y", "2", "--estimator", "gaussian", "--json", "-");
        Assert.True(result.Exit == 0, result.Err);
        var settings = JsonDocument.Parse(result.Out).RootElement.GetProperty("settings");
        Assert.Equal(["X,1", "X2"], settings.GetProperty("x_columns").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(["Y1"], settings.GetProperty("y_columns").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void Ksg_at_n_8_says_its_se_cannot_be_estimated_instead_of_zero()
    {
        string csv = _files.Csv("eight.csv", n: 8);
        var result = CliRunner.Run("estimate", csv, "--estimator", "ksg", "--json", "-");
        Assert.True(result.Exit == 0, result.Err);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("std_error").ValueKind);
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("standard error cannot be estimated"));
    }

    [Theory]
    [InlineData(-0.5, 0.5, 4)]
    [InlineData(0, 0.5, 4)]
    public void No_saturation_warning_on_an_estimate_at_or_below_zero(double mi, double se, int n) =>
        Assert.Null(EstimatorDiagnostics.SaturationWarning(mi, se, n));

    [Fact]
    public void Saturation_is_still_reported_near_log_n() =>
        Assert.NotNull(EstimatorDiagnostics.SaturationWarning(Math.Log(4) - 0.05, 0.01, 4));
}
