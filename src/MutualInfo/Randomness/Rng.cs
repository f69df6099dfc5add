using System.Numerics;
using System.Runtime.CompilerServices;

namespace MutualInfo.Randomness;

/// <summary>
/// A fast, seedable pseudo-random generator (xoshiro256**) with Gaussian (ziggurat) and Gamma samplers.
/// Use <see cref="ForStream"/> to derive one independent stream per trial or batch, so that results do not
/// depend on how work is spread over threads.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
    public Rng(ulong seed) : this(seed, 0) { }

    private Rng(ulong seed, ulong stream)
    {
        // SplitMix64 expands (seed, stream) into the 256-bit state; distinct streams give unrelated states.
        ulong x = seed ^ (stream * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
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
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on the open interval (0, 1): never 0, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="bound"/>).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        return (int)Math.BigMul(NextUInt64(), (ulong)bound, out _);
    }

    /// <summary>Fills <paramref name="dest"/> with uniforms on (0, 1).</summary>
    public void FillUniform(Span<double> dest)
    {
        for (int i = 0; i < dest.Length; i++) dest[i] = NextDouble();
    }

    /// <summary>A standard normal variate (Doornik's ZIGNOR ziggurat, 128 layers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextGaussian()
    {
        while (true)
        {
            ulong bits = NextUInt64();
            int layer = (int)(bits & 0x7F);
            double u = 2.0 * (((bits >> 11) + 0.5) * (1.0 / (1UL << 53))) - 1.0;
            if (Math.Abs(u) < Ziggurat.Ratio[layer]) return u * Ziggurat.X[layer];
            double? slow = GaussianSlowPath(layer, u);
            if (slow.HasValue) return slow.Value;
        }
    }

    private double? GaussianSlowPath(int layer, double u)
    {
        if (layer == 0) return GaussianTail(Ziggurat.R, u < 0);
        double x = u * Ziggurat.X[layer];
        double f0 = Math.Exp(-0.5 * (Ziggurat.X[layer] * Ziggurat.X[layer] - x * x));
        double f1 = Math.Exp(-0.5 * (Ziggurat.X[layer + 1] * Ziggurat.X[layer + 1] - x * x));
        return f1 + NextDouble() * (f0 - f1) < 1.0 ? x : null;
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

    /// <summary>Fills <paramref name="dest"/> with independent standard normals.</summary>
    public void FillGaussian(Span<double> dest)
    {
        for (int i = 0; i < dest.Length; i++) dest[i] = NextGaussian();
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
        }
    }
}
