using System.Globalization;
using System.Text;
using MutualInfo.Cli.Output;
using MutualInfo.Simulation;

namespace MutualInfo.Cli.Simulate;

/// <summary>One CSV row per (family, bound, n), with the same fields as the JSON rows.</summary>
internal static class SimulationCsv
{
    public static string Format(IReadOnlyList<SimulationRun> runs)
    {
        var text = new StringBuilder("family,true_mi,negatives,seed,bound,n,log_n,mean,std_error,ci95_low,ci95_high,frac_above_true,trials,saturated,spec,mean_plain,std_error_plain,critic\n");
        foreach (SimulationRun run in runs)
        foreach (SimulationRow row in run.Rows)
        {
            text.AppendJoin(',',
                CsvFields.Quote(run.Family), CsvFields.Number(run.TrueMi), SimulationJson.NegativesName(run.Negatives), run.Seed.ToString(CultureInfo.InvariantCulture),
                row.Bound, row.N.ToString(CultureInfo.InvariantCulture), CsvFields.Number(row.LogN), CsvFields.Number(row.Estimate.Mean),
                CsvFields.Number(row.Estimate.StdError), CsvFields.Number(row.Estimate.Ci95Low), CsvFields.Number(row.Estimate.Ci95High), CsvFields.Number(row.FracAboveTrue),
                row.Trials.ToString(CultureInfo.InvariantCulture), row.Saturated ? "true" : "false",
                CsvFields.Quote(row.Spec), CsvFields.Number(row.PlainEstimate.Mean), CsvFields.Number(row.PlainEstimate.StdError), CsvFields.Quote(run.Critic));
            text.Append('\n');
        }
        return text.ToString();
    }
}
