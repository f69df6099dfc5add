using System.CommandLine;

namespace MutualInfo.Cli.Commands;

/// <summary>Every sub-command of `mi`, in the order `mi --help` lists them.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All()
    {
        yield return SimulateCommand.Create();
        yield return StaircaseCommand.Create();
        yield return EstimateCommand.Create();
        yield return BmiCommand.Create();
        yield return TasksCommand.Create();
        yield return BenchCommand.Create();
        yield return RankCommand.Create();
    }
}
