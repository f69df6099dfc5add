using System.Text.RegularExpressions;
using MutualInfo.Estimators;

namespace MutualInfo.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into the one line a user needs: the most specific error first (an unknown
/// command rather than "Required command was not provided"), and a flag's expected value in words, not a CLR type name.
/// </summary>
internal static partial class ParseErrorText
{
    public static string Of(IReadOnlyList<string> errors, IEnumerable<string> commandNames)
    {
        string? unknown = errors.FirstOrDefault(e => e.StartsWith("Unrecognized command or argument", StringComparison.Ordinal));
        if (unknown is not null && errors.Any(e => e.StartsWith("Required command", StringComparison.Ordinal)))
            return $"{unknown.TrimEnd('.')}; commands: {string.Join(", ", commandNames)} (mi --help)";
        if (errors.Count == 1 && errors[0].StartsWith("Required command", StringComparison.Ordinal))
            return $"no command given; commands: {string.Join(", ", commandNames)} (mi --help)";
        string first = unknown ?? errors[0];
        Match m = CannotParse().Match(first);
        return m.Success ? $"{m.Groups["option"].Value}: expected {Expected(m.Groups["type"].Value)}, got '{m.Groups["value"].Value}'" : first;
    }

    // The enums that options take, named rather than looked up by name (Type.GetType): a trimmed or Native AOT mi does
    // not promise to keep a type that only a string names.
    private static readonly Type[] OptionEnums = [typeof(NeighbourSearch)];

    private static string Expected(string type) => type switch
    {
        "System.UInt64" => "a whole number from 0 to 18446744073709551615",
        "System.Int32" => "a whole number from -2147483648 to 2147483647",
        "System.Double" => "a number",
        _ when OptionEnums.FirstOrDefault(e => e.FullName == type) is { } e => $"one of {string.Join(", ", Enum.GetNames(e))}",
        _ => $"a value of type {type.Split('.')[^1]}",
    };

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex CannotParse();
}
