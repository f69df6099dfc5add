using System.Globalization;
using System.Text;
using MutualInfo.Simulation;

namespace MutualInfo.Cli.Simulate;

/// <summary>One CSV row per (family, bound, n), with the same fields as the JSON rows.</summary>
internal static class SimulationCsv
{
    public static string Format(IReadOnlyList<SimulationRun> runs)
    {
        var text = new StringBuilder("family,true_mi,negatives,seed,bound,n,log_n,mean,std_error,ci95_low,ci95_high,frac_above_true,trials,saturated\n");
        foreach (SimulationRun run in runs)
        foreach (SimulationRow row in run.Rows)
        {
            text.AppendJoin(',',
                Quote(run.Family), Num(run.TrueMi), SimulationJson.NegativesName(run.Negatives), run.Seed.ToString(CultureInfo.InvariantCulture),
                row.Bound, row.N.ToString(CultureInfo.InvariantCulture), Num(row.LogN), Num(row.Estimate.Mean),
                Num(row.Estimate.StdError), Num(row.Estimate.Ci95Low), Num(row.Estimate.Ci95High), Num(row.FracAboveTrue),
                row.Trials.ToString(CultureInfo.InvariantCulture), row.Saturated ? "true" : "false");
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n']) < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";
}
