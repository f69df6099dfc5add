using Spectre.Console;

namespace MutualInfo.Cli.Output;

/// <summary>Spectre console on stdout; wide and colourless when stdout is not a terminal, so tables stay on one line.</summary>
internal static class StdoutConsole
{
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        return console;
    }

    /// <summary>The same on stderr, for the human output when stdout carries the JSON (`--json -`).</summary>
    public static IAnsiConsole CreateOnStderr()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected) console.Profile.Width = 240;
        return console;
    }
}
