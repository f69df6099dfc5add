namespace MutualInfo.Benchmarking;

/// <summary>CI coverage of one estimator at one sample size, over all tasks and seeds of a run.</summary>
/// <param name="Estimator">Estimator specification.</param>
/// <param name="Samples">Sample size.</param>
/// <param name="Covered">Cells whose 95% CI contains the truth.</param>
/// <param name="WithCi">Cells with a CI (the denominator).</param>
/// <param name="Cells">All cells of the estimator at this size (cells without a CI are not counted as misses).</param>
/// <param name="Unreliable">Cells the estimator itself flagged <c>unreliable</c>.</param>
/// <param name="MissedUnflagged">Cells whose CI misses the truth although the estimator did not flag them: false certainty.</param>
internal sealed record BenchCoverage(string Estimator, int Samples, int Covered, int WithCi, int Cells, int Unreliable = 0, int MissedUnflagged = 0)
{
    /// <summary>Covered / WithCi; NaN when no cell has a CI.</summary>
    public double Fraction => WithCi == 0 ? double.NaN : (double)Covered / WithCi;
}
