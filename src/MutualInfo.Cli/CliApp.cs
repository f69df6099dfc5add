using System.CommandLine;
using MutualInfo.Cli.Commands;

namespace MutualInfo.Cli;

/// <summary>The `mi` command: builds the command tree and maps failures to exit codes (0 ok, 2 bad input, 1 internal).</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitInternal = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args)
    {
        var root = new RootCommand("MutualInfo: mutual information bounds, simulation and estimation.");
        foreach (var command in CommandRegistry.All()) root.Subcommands.Add(command);
        try
        {
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                string text = ParseErrorText.Of(parsed.Errors.Select(e => e.Message).ToArray(), root.Subcommands.Select(c => c.Name));
                Console.Error.WriteLine($"mi: error: {text}");
                return ExitUsage;
            }
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"mi: error: {e.Message}");
            return ExitUsage;
        }
        catch (Exception e) when (LibraryErrors.IsInputError(e))
        {
            Console.Error.WriteLine($"mi: error: {LibraryErrors.Describe(e)}");
            return ExitUsage;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"mi: internal error: {e.GetType().Name}: {e.Message}");
            return ExitInternal;
        }
    }
}
