using MutualInfo.Benchmarking;
using MutualInfo.Data;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Conditional;

internal static class CmiTestData
{
    public static CmiTask Task(string name) => CmiTaskSuite.All.Single(t => t.Name == name);

    public static ConditionalSamples Draw(string task, int n, ulong seed) => Task(task).Sample(n, new Rng(seed));

    public static ConditionalSamples.Block Column(double[] values, string name, bool discrete = false) => new(values, 1, [name], [discrete]);
}
