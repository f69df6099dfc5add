using System.CommandLine;

namespace MutualInfo.Cli.Commands;

/// <summary>Options every command shares: --seed, --json, --threads.</summary>
internal sealed class CommonOptions
{
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Random seed (same seed → same numbers, whatever --threads)", DefaultValueFactory = _ => 1 };
    public Option<string?> Json { get; } = new("--json") { Description = "Write the machine-readable result to this path" };
    public Option<int> Threads { get; } = new("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public void AddTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Json);
        command.Options.Add(Threads);
    }

    public int GetThreads(ParseResult parsed)
    {
        int threads = parsed.GetValue(Threads);
        if (threads < 1) throw new UsageException($"--threads: must be at least 1, got {threads}");
        return threads;
    }
}
