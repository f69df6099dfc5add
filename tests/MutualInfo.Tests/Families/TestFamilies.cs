using MutualInfo.Families;

namespace MutualInfo.Tests.Families;

/// <summary>One representative of every family (and transformed variants) with moderate MI, for shared tests.</summary>
internal static class TestFamilies
{
    public static readonly double[,] GeneralCovariance =
    {
        { 2.0, 0.3, 0.8, -0.2 },
        { 0.3, 1.0, 0.1, 0.4 },
        { 0.8, 0.1, 1.5, 0.2 },
        { -0.2, 0.4, 0.2, 1.2 },
    };

    public static readonly double[,] Table = { { 0.3, 0.1, 0.05 }, { 0.05, 0.2, 0.0 }, { 0.1, 0.05, 0.15 } };

    private static readonly Dictionary<string, Func<IKnownMiFamily>> Factories = new()
    {
        ["gaussian-d1"] = () => new GaussianFamily(1, 0.8),
        ["gaussian-d5"] = () => new GaussianFamily(5, -0.6),
        ["gaussian-mi"] = () => GaussianFamily.FromMutualInformation(3, 1.5),
        ["multinormal-general"] = () => NaiveLogRatio.Register(new MultinormalFamily(GeneralCovariance, 2), GeneralCovariance),
        ["multinormal-dense"] = () => NaiveLogRatio.Register(MultinormalFamily.Dense(3, 3, 0.5), Dense(6, 0.5)),
        ["multinormal-sparse"] = () => NaiveLogRatio.Register(MultinormalFamily.Sparse(3, 2, 2, 0.8), Sparse(3, 2, 2, 0.8)),
        ["student-t"] = () => new StudentTFamily(2, 2, 2),
        ["student-t-odd"] = () => new StudentTFamily(1, 3, 5.5),
        ["uniform-narrow"] = () => new UniformAdditiveFamily(0.1),
        ["uniform-wide"] = () => new UniformAdditiveFamily(0.75),
        ["discrete"] = () => new DiscreteFamily(Table),
        ["gaussian+cubic"] = () => new TransformedFamily(new GaussianFamily(2, 0.7), CoordinateMap.Cubic, CoordinateMap.Cubic),
        ["gaussian+normal-cdf:x+asinh:y"] = () => new TransformedFamily(new GaussianFamily(2, 0.7), CoordinateMap.NormalCdf, CoordinateMap.Asinh),
        ["student-t+half-cube:y"] = () => new TransformedFamily(new StudentTFamily(2, 1, 4), null, CoordinateMap.HalfCube),
        ["gaussian+wiggly"] = () => new TransformedFamily(new GaussianFamily(1, 0.75), CoordinateMap.WigglyX, CoordinateMap.WigglyY),
        ["gaussian+bimodal"] = () => new TransformedFamily(new GaussianFamily(1, 0.75), CoordinateMap.BimodalX, CoordinateMap.BimodalY),
        ["multinormal-sparse+spiral"] = () => new SpiralFamily(
            NaiveLogRatio.Register(MultinormalFamily.Sparse(3, 3, 2, 0.8), Sparse(3, 3, 2, 0.8)), SpiralFamily.BmiX(3), SpiralFamily.BmiY(3)),
        ["gaussian+spiral:x,speed=0.7"] = () => new SpiralFamily(new GaussianFamily(2, 0.7), SpiralFamily.BmiX(2, 0.7), null, 0.7),
    };

    public static IEnumerable<string> Keys => Factories.Keys;

    public static IKnownMiFamily Get(string key) => Factories[key]();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string key in Factories.Keys) data.Add(key);
        return data;
    }

    public static double[,] Dense(int n, double c)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = i == j ? 1 : c;
        return m;
    }

    public static double[,] Sparse(int dx, int dy, int k, double rho)
    {
        var m = new double[dx + dy, dx + dy];
        for (int i = 0; i < dx + dy; i++) m[i, i] = 1;
        for (int i = 0; i < k; i++) m[i, dx + i] = m[dx + i, i] = rho;
        return m;
    }
}
