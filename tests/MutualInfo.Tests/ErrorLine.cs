namespace MutualInfo.Tests;

/// <summary>An <see cref="ArgumentException"/> as "parameter: rule", the way a caller such as the CLI shows it.</summary>
internal static class ErrorLine
{
    public static string Of(ArgumentException e) =>
        e.ParamName is { Length: > 0 } parameter ? $"{parameter}: {ArgumentMessages.RuleOf(e)}" : ArgumentMessages.RuleOf(e);
}
