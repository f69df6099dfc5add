using System.Runtime.CompilerServices;

namespace MutualInfo.Randomness;

/// <summary>
/// A fast, seedable pseudo-random generator (xoshiro256**) with Gaussian (ziggurat) and Gamma samplers.
/// Use <see cref="ForStream"/> to derive one independent stream per trial or batch, so that results do not
/// depend on how work is spread over threads.
/// </summary>
public sealed class Rng
{
    private XoshiroState _state;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
    public Rng(ulong seed) : this(seed, 0) { }

    private Rng(ulong seed, ulong stream)
    {
        // SplitMix64 expands (seed, stream) into the 256-bit state; distinct streams give unrelated states.
        ulong x = seed ^ (stream * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL);
        _state.S0 = SplitMix(ref x);
        _state.S1 = SplitMix(ref x);
        _state.S2 = SplitMix(ref x);
        _state.S3 = SplitMix(ref x);
    }

    /// <summary>The generator for stream <paramref name="stream"/> of <paramref name="seed"/>.</summary>
    public static Rng ForStream(ulong seed, ulong stream) => new(seed, stream + 1);

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _state.Next();

    /// <summary>Uniform on the open interval (0, 1): never 0, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => _state.NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="bound"/>).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        return (int)Math.BigMul(NextUInt64(), (ulong)bound, out _);
    }

    /// <summary>Fills <paramref name="dest"/> with uniforms on (0, 1): the values of as many <see cref="NextDouble"/> calls, faster.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FillUniform(Span<double> dest)
    {
        XoshiroState state = _state;
        for (int i = 0; i < dest.Length; i++) dest[i] = state.NextDouble();
        _state = state;
    }

    /// <summary>A standard normal variate (Doornik's ZIGNOR ziggurat, 128 layers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextGaussian()
    {
        ulong bits = NextUInt64();
        return TryGaussianFastPath(bits, out double value) ? value : GaussianAfterFastPathMiss(bits);
    }

    /// <summary>The ziggurat's rectangle test, taken by ≈ 98% of draws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryGaussianFastPath(ulong bits, out double value)
    {
        int layer = (int)(bits & 0x7F);
        double u = 2.0 * (((long)(bits >> 11) + 0.5) * (1.0 / (1UL << 53))) - 1.0;
        value = u * Ziggurat.X[layer];
        return Math.Abs(u) < Ziggurat.Ratio[layer];
    }

    /// <summary>Finishes a draw whose first 64 bits missed the rectangle: wedge or tail, else start over.</summary>
    private double GaussianAfterFastPathMiss(ulong bits)
    {
        int layer = (int)(bits & 0x7F);
        double u = 2.0 * (((long)(bits >> 11) + 0.5) * (1.0 / (1UL << 53))) - 1.0;
        return GaussianSlowPath(layer, u) ?? NextGaussian();
    }

    private double? GaussianSlowPath(int layer, double u)
    {
        if (layer == 0) return GaussianTail(Ziggurat.R, u < 0);
        double x = u * Ziggurat.X[layer];
        double f0 = Ziggurat.Density[layer], f1 = Ziggurat.Density[layer + 1];
        return f1 + NextDouble() * (f0 - f1) < Math.Exp(-0.5 * x * x) ? x : null;
    }

    private double GaussianTail(double min, bool negative)
    {
        double x, y;
        do
        {
            x = Math.Log(NextDouble()) / min;
            y = Math.Log(NextDouble());
        } while (-2 * y < x * x);
        return negative ? x - min : min - x;
    }

    /// <summary>Fills <paramref name="dest"/> with independent standard normals: the values of as many <see cref="NextGaussian"/> calls, faster.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FillGaussian(Span<double> dest)
    {
        XoshiroState state = _state;
        for (int i = 0; i < dest.Length; i++)
        {
            ulong bits = state.Next();
            if (TryGaussianFastPath(bits, out double value))
            {
                dest[i] = value;
                continue;
            }
            _state = state;
            dest[i] = GaussianAfterFastPathMiss(bits);
            state = _state;
        }
        _state = state;
    }

    /// <summary>A Gamma(shape, 1) variate (Marsaglia–Tsang; boosted for shape &lt; 1).</summary>
    public double NextGamma(double shape)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), "shape must be positive");
        if (shape < 1) return NextGamma(shape + 1) * Math.Pow(NextDouble(), 1 / shape);
        return new GammaSampler(shape).Next(this);
    }

    /// <summary>A chi-square variate with <paramref name="dof"/> degrees of freedom.</summary>
    public double NextChiSquare(double dof) => 2 * NextGamma(dof / 2);

    private static class Ziggurat
    {
        public const double R = 3.442619855899;
        private const double V = 9.91256303526217e-3;
        private const int Layers = 128;
        public static readonly double[] X = new double[Layers + 1];
        public static readonly double[] Ratio = new double[Layers];
        /// <summary>e^{−X[i]²/2}: the wedge test then needs one exponential, not two.</summary>
        public static readonly double[] Density = new double[Layers + 1];

        static Ziggurat()
        {
            double f = Math.Exp(-0.5 * R * R);
            X[0] = V / f;
            X[1] = R;
            X[Layers] = 0;
            for (int i = 2; i < Layers; i++)
            {
                X[i] = Math.Sqrt(-2 * Math.Log(V / X[i - 1] + f));
                f = Math.Exp(-0.5 * X[i] * X[i]);
            }
            for (int i = 0; i < Layers; i++) Ratio[i] = X[i + 1] / X[i];
            for (int i = 0; i <= Layers; i++) Density[i] = Math.Exp(-0.5 * X[i] * X[i]);
        }
    }
}
