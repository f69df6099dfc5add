namespace MutualInfo.Benchmarking;

/// <summary>One runnable cell of a <see cref="BenchGrid"/>.</summary>
/// <param name="Index">Position in the grid order (see <see cref="BenchGridSpec.Keys()"/>).</param>
/// <param name="Task">The task.</param>
/// <param name="Estimator">The estimator.</param>
/// <param name="Samples">Number of pairs.</param>
/// <param name="Seed">Seed.</param>
internal sealed record BenchCell(int Index, BenchTask Task, BenchEstimator Estimator, int Samples, ulong Seed)
{
    /// <summary>The cell's key.</summary>
    public BenchCellKey Key => new(Task.Name, Estimator.Spec, Samples, Seed);
}
