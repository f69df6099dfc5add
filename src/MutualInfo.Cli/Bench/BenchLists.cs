namespace MutualInfo.Cli.Bench;

/// <summary>
/// Splits list options. Items may be given as separate arguments or comma-separated; for estimator specifications
/// a comma followed by <c>key=value</c> continues the previous specification (<c>ksg:k=5,variant=2,gaussian</c>
/// is two estimators), since estimator names never contain '='.
/// </summary>
internal static class BenchLists
{
    // An empty item ("--tasks ''", "a,,b") is refused rather than dropped: dropping it silently turned an empty
    // --tasks into the default run, while --n 16,,32 was refused.
    public static string[] Names(IEnumerable<string> values, string flag = "--tasks") =>
        values.SelectMany(v => Items(v, flag)).ToArray();

    public static string[] Specs(IEnumerable<string> values, string flag = "--estimators")
    {
        var specs = new List<string>();
        foreach (string value in values)
        {
            bool first = true;
            foreach (string item in Items(value, flag))
            {
                bool continues = !first && item.Contains('=') && !item.Contains(':');
                if (continues) specs[^1] += "," + item; else specs.Add(item);
                first = false;
            }
        }
        return specs.ToArray();
    }

    private static string[] Items(string value, string flag)
    {
        string[] items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0)) throw new UsageException($"{flag}: empty item in '{value}'");
        return items;
    }
}
