namespace MutualInfo;

/// <summary>
/// Bad input from the user (a flag, a specification, a data file). The message is one line that says what is
/// wrong and where (flag, row, column); the CLI prints it and exits with code 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
