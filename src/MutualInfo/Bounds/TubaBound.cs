using System.Globalization;

namespace MutualInfo.Bounds;

/// <summary>
/// TUBA with a constant log-baseline log a (Poole et al. 2019): 1 + mean diag (S − log a) − mean_offdiag e^{S − log a}.
/// Its optimal critic is log r + log a.
/// </summary>
public sealed class TubaBound : IColumnSummaryBound
{
    /// <summary>TUBA with baseline a = e^<paramref name="logBaseline"/> (default a = 1).</summary>
    public TubaBound(double logBaseline = 0.0)
    {
        if (!double.IsFinite(logBaseline))
            throw new ArgumentOutOfRangeException(nameof(logBaseline), logBaseline, "log a must be finite");
        LogBaseline = logBaseline;
    }

    /// <summary>The constant log-baseline log a.</summary>
    public double LogBaseline { get; }

    /// <inheritdoc/>
    public string Name => "tuba";

    /// <inheritdoc/>
    public string Label => LogBaseline == 0.0 ? Name : $"tuba(log a={Format(LogBaseline)})";

    /// <inheritdoc/>
    public string Spec => LogBaseline == 0.0 ? Name : $"tuba:log_a={Format(LogBaseline)}";

    /// <inheritdoc/>
    public double OptimalCriticShift => LogBaseline;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        double diagonal = ScoreMatrix.DiagonalMean(scores, n);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return Value(diagonal, LogSumExp.OffDiagonalMean(scores, n), LogBaseline);
    }

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores) => ColumnSummary.EvaluateSingle(this, scores);

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n)
    {
        ColumnSummary.CheckSingle(positive, logSumExpNegatives, n);
        if (positive == double.NegativeInfinity) return double.NegativeInfinity;
        return Value(positive, logSumExpNegatives - Math.Log(n - 1), LogBaseline);
    }

    /// <summary>1 + positive − log a − exp(log mean exp(negatives) − log a).</summary>
    internal static double Value(double positive, double negativesLogMeanExp, double logBaseline) =>
        1.0 + positive - logBaseline - Math.Exp(negativesLogMeanExp - logBaseline);

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        ColumnSummary.Check(positives, logSumExpNegatives);
        double diagonal = ColumnSummary.DiagonalMean(positives);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return Value(diagonal, ColumnSummary.OffDiagonalLogMeanExp(logSumExpNegatives), LogBaseline);
    }
}
