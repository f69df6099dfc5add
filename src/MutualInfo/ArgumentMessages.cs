namespace MutualInfo;

/// <summary>
/// The rule an <see cref="ArgumentException"/> states, without the " (Parameter 'name')" suffix .NET appends, so that a
/// wrapper (a spec parser, the CLI) can put its own name in front: "family: dim must be a positive integer".
/// </summary>
internal static class ArgumentMessages
{
    /// <summary>The message of <paramref name="e"/> without the parameter suffix (and without any actual-value line).</summary>
    public static string RuleOf(ArgumentException e)
    {
        string message = e is ArgumentOutOfRangeException { ActualValue: not null } ? new ArgumentException(BaseMessage(e)).Message : e.Message;
        if (e.ParamName is not { Length: > 0 } name) return message;
        string suffix = new ArgumentException(string.Empty, name).Message;
        return message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    /// <summary>
    /// The same rule under another parameter name: how a parser reports what a constructor it called refused
    /// (<c>dim</c> of a family becomes the <c>family</c> spec's error).
    /// </summary>
    public static ArgumentException Rename(ArgumentException e, string parameter, string? prefix = null) =>
        new($"{prefix}{RuleOf(e)}", parameter, e);

    // The first line of the message: ArgumentOutOfRangeException adds "Actual value was …" on a line of its own.
    private static string BaseMessage(ArgumentException e) => e.Message.Split('\n')[0].TrimEnd('\r');
}
