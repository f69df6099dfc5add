using System.Buffers;

namespace MutualInfo.Families;

/// <summary>A scratch buffer rented from the shared pool, so per-batch temporaries do not load the GC.</summary>
internal readonly struct PooledArray : IDisposable
{
    private readonly double[] _array;
    private readonly int _length;

    public PooledArray(int length)
    {
        _array = ArrayPool<double>.Shared.Rent(length);
        _length = length;
    }

    public Span<double> Span => _array.AsSpan(0, _length);

    public void Dispose() => ArrayPool<double>.Shared.Return(_array);
}
