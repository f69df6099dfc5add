namespace MutualInfo.Cli;

/// <summary>
/// Bad input from the user, as the CLI words it: one line that names the flag, argument, row or column at fault. The
/// libraries throw <see cref="ArgumentException"/> (naming the parameter) instead; <see cref="LibraryErrors"/> turns
/// those into the same one line. <see cref="CliApp"/> prints it and exits with code 2.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
