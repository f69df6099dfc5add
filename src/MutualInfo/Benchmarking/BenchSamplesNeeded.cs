namespace MutualInfo.Benchmarking;

/// <summary>BMI's "samples needed" of one (task, estimator): see <see cref="BenchSummary.SamplesNeeded"/>.</summary>
/// <param name="Task">Task name.</param>
/// <param name="Estimator">Estimator specification.</param>
/// <param name="Samples">Smallest sample size of the run whose mean estimate is within a factor 1.5 of the truth; null if none.</param>
/// <param name="SizesRun">How many sample sizes the run tried (with one, "needed" only says whether that size suffices).</param>
internal sealed record BenchSamplesNeeded(string Task, string Estimator, int? Samples, int SizesRun);
