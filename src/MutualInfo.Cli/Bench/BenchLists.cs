namespace MutualInfo.Cli.Bench;

/// <summary>
/// Splits list options. Items may be given as separate arguments or comma-separated; for estimator specifications
/// a comma followed by <c>key=value</c> continues the previous specification (<c>ksg:k=5,variant=2,gaussian</c>
/// is two estimators), since estimator names never contain '='.
/// </summary>
internal static class BenchLists
{
    public static string[] Names(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();

    public static string[] Specs(IEnumerable<string> values)
    {
        var specs = new List<string>();
        foreach (string value in values)
        {
            bool first = true;
            foreach (string item in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                bool continues = !first && item.Contains('=') && !item.Contains(':');
                if (continues) specs[^1] += "," + item; else specs.Add(item);
                first = false;
            }
        }
        return specs.ToArray();
    }
}
