namespace MutualInfo.Benchmarking;

/// <summary>Identifies one benchmark cell: which task, which estimator (its canonical spec), how many pairs, which seed.</summary>
/// <param name="Task">Task name.</param>
/// <param name="Estimator">Canonical estimator specification, e.g. <c>ksg:k=5</c>.</param>
/// <param name="Samples">Number of pairs drawn.</param>
/// <param name="Seed">Seed of the data (and of the estimator's own randomness).</param>
internal readonly record struct BenchCellKey(string Task, string Estimator, int Samples, ulong Seed)
{
    /// <inheritdoc />
    public override string ToString() => $"task={Task} estimator={Estimator} samples={Samples} seed={Seed}";
}
