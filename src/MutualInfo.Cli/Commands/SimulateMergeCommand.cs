using System.CommandLine;
using MutualInfo.Cli.Output;
using MutualInfo.Cli.Simulate;
using MutualInfo.Simulation;
using Spectre.Console;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi simulate merge shard-*.json --json out.json`: the unsharded result from the shards of one run.</summary>
internal static class SimulateMergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("FILES") { Description = "Shard files of `mi simulate --shard i/k` (every shard of one run)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<string?>("--json") { Description = "Write the merged result (the unsharded run's JSON) to this path" };
        var csv = new Option<string?>("--csv") { Description = "Write all rows as CSV to this path" };
        var plot = new Option<string?>("--plot") { Description = "Write the plot (.png or .svg) to this path" };
        var command = new Command("merge", "Combine `mi simulate --shard` files into the result one unsharded run gives");
        command.Arguments.Add(inputs);
        foreach (Option option in new Option[] { json, csv, plot }) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(plot) is { } path && Path.GetExtension(path).ToLowerInvariant() is not (".png" or ".svg"))
                throw new UsageException($"--plot: the file must end in .png or .svg, got '{path}'");
            string[] files = parsed.GetValue(inputs) ?? [];
            OutputPaths.Require(files, new("--json", parsed.GetValue(json)), new("--csv", parsed.GetValue(csv)), new("--plot", parsed.GetValue(plot)));
            SimulationShard[] shards = files.Select(ReadShard).ToArray();
            IReadOnlyList<SimulationRun> runs = Simulations.Merge(shards);
            IAnsiConsole console = parsed.GetValue(json) == "-" ? StdoutConsole.CreateOnStderr() : StdoutConsole.Create();
            foreach (SimulationRun run in runs) SimulationTable.Write(console, run, shards[0].Trials);
            SimulationOutputs.Write(console, runs, parsed.GetValue(json), parsed.GetValue(csv), parsed.GetValue(plot));
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>Reads one shard file; any problem is a one-line <see cref="UsageException"/> naming the file.</summary>
    private static SimulationShard ReadShard(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SimulationShard.Read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new UsageException($"merge: cannot read '{path}': {LibraryErrors.Describe(e)}");
        }
    }
}
