using System.Runtime.InteropServices;
using MutualInfo.Neural.Critics;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Estimation;

/// <summary>Held-out rows as float32 tensors, and a trained critic's scores on them in double.</summary>
internal static class HeldOutTensors
{
    /// <summary>A rows × dim float32 tensor of row-major <paramref name="values"/>.</summary>
    public static Tensor FromRows(double[] values, int rows, int dim)
    {
        var floats = new float[values.Length];
        for (int i = 0; i < values.Length; i++) floats[i] = (float)values[i];
        var tensor = zeros(rows, dim, dtype: ScalarType.Float32);
        tensor.bytes = MemoryMarshal.AsBytes(floats.AsSpan());
        return tensor;
    }

    /// <summary>The n×n scores S[i, j] = f(x_i, y_j), without gradients, into <paramref name="destination"/> (row-major, double).</summary>
    public static void Score(Critic critic, Tensor x, Tensor y, Span<double> destination)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var scores = critic.forward(x, y).to(ScalarType.Float64).contiguous();
        scores.data<double>().CopyTo(destination);
    }
}
