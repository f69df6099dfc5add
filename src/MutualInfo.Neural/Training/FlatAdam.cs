using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Training;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with the update of <c>torch.optim.Adam</c> (no weight decay, no AMSGrad), run over
/// one flat buffer instead of parameter by parameter.
/// </summary>
/// <remarks>
/// The constructor moves every parameter's values into one contiguous buffer and gives every parameter a gradient
/// that is a view into a second one (<c>Tensor.set_</c> and the <c>grad</c> setter), so backward accumulates straight
/// into the flat gradient. A step is then seven native calls (seven passes over the buffers) whatever the number of
/// parameter tensors — TorchSharp's per-parameter Adam makes about ten calls and two allocations per tensor (about
/// 120 calls for the staircase's separable critic) — and <see cref="ZeroGrad"/> is one <c>zero_()</c>. The update is
/// torch's: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε). As in
/// current torch, m is updated with <c>lerp_</c>, and the bias correction of v is folded into the step size, so the
/// result agrees with torch's Adam to float rounding, not bit for bit. The parameters must not be replaced afterwards
/// (moving the module to another device, <c>zero_grad</c> with set-to-none): that would detach them from the
/// buffers, so use <see cref="ZeroGrad"/>.
/// </remarks>
public sealed class FlatAdam : IDisposable
{
    private readonly Tensor _values, _gradients, _expAvg, _expAvgSq, _denominator, _oneMinusBeta1;
    private readonly Scalar _beta2, _oneMinusBeta2;
    private readonly double _learningRate, _beta1Value, _beta2Value, _eps;
    private long _steps;

    /// <summary>Flattens <paramref name="parameters"/> (all of one dtype and device) and prepares Adam's moments.</summary>
    public FlatAdam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0) throw new ArgumentException("Adam needs at least one parameter", nameof(parameters));
        if (!(learningRate > 0) || !double.IsFinite(learningRate)) throw new ArgumentOutOfRangeException(nameof(learningRate), "the learning rate must be positive");
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), "betas must lie in [0, 1)");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), "eps must be non-negative");
        var dtype = parameters[0].dtype;
        var device = parameters[0].device;
        if (parameters.Any(p => p.dtype != dtype || p.device.type != device.type || p.device.index != device.index))
            throw new ArgumentException("all parameters must share one dtype and device", nameof(parameters));
        long total = parameters.Sum(p => p.numel());
        _values = empty(total, dtype: dtype, device: device);
        _gradients = zeros(total, dtype: dtype, device: device);
        _expAvg = zeros(total, dtype: dtype, device: device);
        _expAvgSq = zeros(total, dtype: dtype, device: device);
        _denominator = empty(total, dtype: dtype, device: device);
        AliasIntoBuffers(parameters);
        (_learningRate, _beta1Value, _beta2Value, _eps) = (learningRate, beta1, beta2, eps);
        (_beta2, _oneMinusBeta2) = (beta2, 1 - beta2);
        // TorchSharp's lerp_ takes its weight as a tensor only.
        _oneMinusBeta1 = tensor(1 - beta1, dtype: dtype, device: device);
        ParameterCount = total;
    }

    /// <summary>Number of scalar parameters in the flat buffer.</summary>
    public long ParameterCount { get; }

    /// <summary>Number of steps taken so far (Adam's t).</summary>
    public long Steps => _steps;

    /// <summary>Sets every gradient to zero (one call on the flat gradient).</summary>
    public void ZeroGrad() => _gradients.zero_();

    /// <summary>One Adam update of every parameter from the gradients accumulated since <see cref="ZeroGrad"/>.</summary>
    public void Step()
    {
        _steps++;
        double biasCorrection1 = 1 - Math.Pow(_beta1Value, _steps);
        double biasCorrection2 = 1 - Math.Pow(_beta2Value, _steps);
        double sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2);
        using var noGrad = no_grad();
        // √v/√(1 − β₂ᵗ) + ε = (√v + ε√(1 − β₂ᵗ)) / √(1 − β₂ᵗ): folding the bias correction into the step size
        // saves one pass over the buffer (the "efficient version" of Kingma & Ba's Algorithm 1).
        using Scalar scaledEps = _eps * sqrtBiasCorrection2;
        using Scalar negativeStepSize = -_learningRate * sqrtBiasCorrection2 / biasCorrection1;
        _expAvg.lerp_(_gradients, _oneMinusBeta1);
        _expAvgSq.mul_(_beta2).addcmul_(_gradients, _gradients, _oneMinusBeta2);
        _denominator.copy_(_expAvgSq).sqrt_().add_(scaledEps);
        _values.addcdiv_(_expAvg, _denominator, negativeStepSize);
    }

    private void AliasIntoBuffers(IReadOnlyList<Parameter> parameters)
    {
        using var noGrad = no_grad();
        long offset = 0;
        foreach (var parameter in parameters)
        {
            long count = parameter.numel();
            using var values = _values.narrow(0, offset, count).view(parameter.shape);
            values.copy_(parameter);
            var aliased = parameter.set_(values);
            if (!ReferenceEquals(aliased, parameter)) aliased.Dispose();
            using var gradient = _gradients.narrow(0, offset, count).view(parameter.shape);
            parameter.grad = gradient;
            offset += count;
        }
    }

    /// <summary>Releases the flat buffers and cached scalars (the parameters keep their storage alive).</summary>
    public void Dispose()
    {
        _values.Dispose();
        _gradients.Dispose();
        _expAvg.Dispose();
        _expAvgSq.Dispose();
        _denominator.Dispose();
        _oneMinusBeta1.Dispose();
        _beta2.Dispose();
        _oneMinusBeta2.Dispose();
    }
}
