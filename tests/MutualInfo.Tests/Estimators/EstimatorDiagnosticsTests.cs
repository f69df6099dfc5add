using MutualInfo.Estimators;

namespace MutualInfo.Tests.Estimators;

public class EstimatorDiagnosticsTests
{
    [Fact]
    public void PermutationPValueIsSmallForDependentAndLargeForIndependentData()
    {
        var est = new GaussianEstimator(new GaussianOptions { Resamples = 0 });
        var dependent = GaussianSamples.Draw(300, 1, 0.3, 1);
        var e = EstimatorDiagnostics.WithPermutationPValue(est.Estimate(dependent, 1), est, dependent, 99, 1);
        Assert.Equal(0.01, e.PValue!.Value, 12); // none of 99 nulls reaches the observed value
        var independent = GaussianSamples.Draw(300, 1, 0.0, 2);
        var f = EstimatorDiagnostics.WithPermutationPValue(est.Estimate(independent, 1), est, independent, 99, 1);
        Assert.True(f.PValue > 0.01);
    }

    [Fact]
    public void SaturationWarningNamesTheNeededBatchSize()
    {
        Assert.Null(EstimatorDiagnostics.SaturationWarning(3.0, 0.01, 128)); // log 128 = 4.85
        string? warning = EstimatorDiagnostics.SaturationWarning(4.80, 0.01, 128);
        Assert.NotNull(warning);
        Assert.Contains($"n ≥ {Math.Ceiling(Math.Exp(6.8))}", warning);
    }
}
