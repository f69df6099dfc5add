namespace MutualInfo.Cli.Tests;

/// <summary>Tests that redirect Console.Out/Error (process-global) run in this one non-parallel collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
