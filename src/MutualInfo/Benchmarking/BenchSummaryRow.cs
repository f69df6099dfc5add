namespace MutualInfo.Benchmarking;

/// <summary>One (task, estimator, sample size) over its seeds.</summary>
/// <param name="Task">Task name.</param>
/// <param name="Estimator">Estimator specification.</param>
/// <param name="Samples">Number of pairs.</param>
/// <param name="Truth">Exact MI of the task.</param>
/// <param name="Mean">Mean estimate over seeds.</param>
/// <param name="Sd">Sample standard deviation of the estimates over seeds (NaN with one seed).</param>
/// <param name="Seeds">Number of seeds averaged.</param>
/// <param name="CiCovered">Seeds whose 95% CI contains the truth.</param>
/// <param name="CiCells">Seeds with a CI at all (the denominator of the coverage).</param>
internal sealed record BenchSummaryRow(string Task, string Estimator, int Samples, double Truth, double Mean, double Sd, int Seeds,
    int CiCovered = 0, int CiCells = 0)
{
    /// <summary>Mean estimate minus truth.</summary>
    public double Bias => Mean - Truth;

    /// <summary>BMI's heatmap score of the mean estimate: log(mean / truth) clipped to ±1 (NaN when the truth is 0).</summary>
    public double Score => BenchScore.Clipped(Mean, Truth);
}
