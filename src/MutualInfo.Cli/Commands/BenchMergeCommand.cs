using System.CommandLine;
using MutualInfo.Benchmarking;
using MutualInfo.Cli.Bench;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi bench merge A.json B.json … --json out.json`: combines shard results of one grid.</summary>
internal static class BenchMergeCommand
{
    private const int MissingShown = 3;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("FILES") { Description = "Result files of `mi bench` (shards of one grid)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<string?>("--json") { Description = "Write the merged result to this path" };
        var csv = new Option<string?>("--csv") { Description = "Write one row per cell as CSV to this path" };
        var plot = new Option<string?>("--plot") { Description = "Write the heatmap (.png or .svg) and NAME-bias.EXT beside it" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Write the merged result even if some cells of the grid are in no input" };
        var command = new Command("merge", "Combine `mi bench --shard` results into one result; overlapping cells must agree, missing cells are reported");
        command.Arguments.Add(inputs);
        foreach (Option option in new Option[] { json, csv, plot, allowMissing }) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            string[] files = parsed.GetValue(inputs) ?? [];
            BenchOutputs.RequireWritable(files, parsed.GetValue(json), parsed.GetValue(csv), parsed.GetValue(plot));
            var reports = files.Select(f => (f, BenchJson.ReadReport(f, "merge"))).ToArray();
            var outcome = BenchMerge.Combine(reports);
            if (outcome.Missing.Count > 0)
            {
                string examples = string.Join("; ", outcome.Missing.Take(MissingShown));
                string message = $"merge: {outcome.Missing.Count} of {outcome.Report.Grid.Count} cells are in no input (e.g. {examples})";
                if (!parsed.GetValue(allowMissing)) throw new UsageException(message + "; run the missing shards or pass --allow-missing");
                Console.Error.WriteLine("mi: warning: " + message);
            }
            BenchOutputs.Write(outcome.Report, parsed.GetValue(json), parsed.GetValue(csv), parsed.GetValue(plot));
            return CliApp.ExitOk;
        });
        return command;
    }
}
