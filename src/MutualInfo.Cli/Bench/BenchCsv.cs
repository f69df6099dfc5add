using System.Globalization;
using System.Text;
using MutualInfo.Benchmarking;
using MutualInfo.Cli.Output;

namespace MutualInfo.Cli.Bench;

/// <summary>
/// `mi bench --csv`: one row per cell, task,estimator,samples,seed,mi,truth,bias,std_error,ci95_low,ci95_high,seconds,
/// log_ratio,ci_covers,reliability (empty = not available); log_ratio is BMI's score clipped to ±1, ci_covers true/false.
/// </summary>
internal static class BenchCsv
{
    public static string Format(IEnumerable<BenchResult> cells)
    {
        var text = new StringBuilder("task,estimator,samples,seed,mi,truth,bias,std_error,ci95_low,ci95_high,seconds,log_ratio,ci_covers,reliability\n");
        foreach (BenchResult c in cells)
        {
            text.Append(CsvFields.Quote(c.Key.Task)).Append(',').Append(CsvFields.Quote(c.Key.Estimator)).Append(',')
                .Append(c.Key.Samples.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Key.Seed.ToString(CultureInfo.InvariantCulture));
            foreach (double v in new[] { c.Mi, c.Truth, c.Bias, c.StdError, c.Ci95Low, c.Ci95High, c.Seconds, c.Score })
                text.Append(',').Append(CsvFields.Number(v));
            text.Append(',').Append(c.CiCovers switch { true => "true", false => "false", null => "" });
            text.Append(',').Append(c.Reliability is null ? "" : CsvFields.Quote(c.Reliability));
            text.Append('\n');
        }
        return text.ToString();
    }
}
