using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// into the flat gradient. The update is torch's: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
/// p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε). As in current torch, m is updated as a <c>lerp</c> and the bias
/// correction of v is folded into the step size, so the result agrees with torch's Adam to float rounding, not bit
/// for bit. For float32 parameters on the CPU (the trainer's case) a step is one managed, vectorised pass over the
/// buffers (<see cref="FusedAdamKernel"/>) that also zeroes the gradient; otherwise it is seven native calls and one
/// <c>zero_()</c>. Either way <see cref="Step"/> leaves every gradient zero, ready for the next backward, so
/// <see cref="ZeroGrad"/> is only needed to discard gradients accumulated without a step. The fused pass writes the
/// parameters through their data pointer, which does not bump autograd's version counters: take the step only after
/// backward has freed the graph (no <c>retain_graph</c> reuse across a step). The parameters must not be replaced
/// afterwards (moving the module to another device, <c>zero_grad</c> with set-to-none): that would detach them from
/// the buffers, so use <see cref="ZeroGrad"/>.
/// </remarks>
internal sealed unsafe class FlatAdam : IDisposable
{
    private readonly Tensor _values, _gradients, _expAvg, _expAvgSq;
    private readonly Tensor? _denominator, _oneMinusBeta1;
    private readonly Scalar? _beta2, _oneMinusBeta2;
    private readonly float* _valuesData, _gradientsData, _expAvgData, _expAvgSqData;
    private readonly int _length;
    private readonly double _learningRate, _beta1Value, _beta2Value, _eps;
    private long _steps;

    /// <summary>Flattens <paramref name="parameters"/> (all of one dtype and device) and prepares Adam's moments.</summary>
    public FlatAdam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
        : this(parameters, learningRate, beta1, beta2, eps, allowFusedStep: true)
    {
    }

    /// <summary>As the public constructor; <paramref name="allowFusedStep"/> false forces the native path (for tests).</summary>
    internal FlatAdam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1, double beta2, double eps, bool allowFusedStep)
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
        AliasIntoBuffers(parameters);
        (_learningRate, _beta1Value, _beta2Value, _eps) = (learningRate, beta1, beta2, eps);
        ParameterCount = total;
        UsesFusedStep = allowFusedStep && dtype == ScalarType.Float32 && device.type == DeviceType.CPU && total <= int.MaxValue;
        if (UsesFusedStep)
        {
            // The buffers are ours, contiguous and never resized, so their CPU storage stays where it is.
            _length = (int)total;
            _valuesData = DataOf(_values);
            _gradientsData = DataOf(_gradients);
            _expAvgData = DataOf(_expAvg);
            _expAvgSqData = DataOf(_expAvgSq);
        }
        else
        {
            _denominator = empty(total, dtype: dtype, device: device);
            (_beta2, _oneMinusBeta2) = (beta2, 1 - beta2);
            // TorchSharp's lerp_ takes its weight as a tensor only.
            _oneMinusBeta1 = tensor(1 - beta1, dtype: dtype, device: device);
        }
    }

    /// <summary>Number of scalar parameters in the flat buffer.</summary>
    public long ParameterCount { get; }

    /// <summary>Number of steps taken so far (Adam's t).</summary>
    public long Steps => _steps;

    /// <summary>Whether a step is the single managed pass (float32 on the CPU) rather than the native calls.</summary>
    public bool UsesFusedStep { get; }

    /// <summary>Sets every gradient to zero (one call on the flat gradient); <see cref="Step"/> already does.</summary>
    public void ZeroGrad() => _gradients.zero_();

    /// <summary>
    /// One Adam update of every parameter from the gradients accumulated since the last step (or <see cref="ZeroGrad"/>),
    /// leaving the gradients zero.
    /// </summary>
    public void Step()
    {
        _steps++;
        if (UsesFusedStep) FusedStep();
        else NativeStep();
    }

    private void FusedStep()
    {
        var coefficients = AdamCoefficients.ForStep(_steps, _learningRate, _beta1Value, _beta2Value, _eps);
        FusedAdamKernel.Step(
            new Span<float>(_valuesData, _length), new Span<float>(_gradientsData, _length),
            new Span<float>(_expAvgData, _length), new Span<float>(_expAvgSqData, _length), coefficients);
    }

    private void NativeStep()
    {
        var (negativeStepSizeValue, scaledEpsValue) = AdamCoefficients.FoldedBiasCorrection(_steps, _learningRate, _beta1Value, _beta2Value, _eps);
        using var noGrad = no_grad();
        using Scalar scaledEps = scaledEpsValue;
        using Scalar negativeStepSize = negativeStepSizeValue;
        _expAvg.lerp_(_gradients, _oneMinusBeta1!);
        _expAvgSq.mul_(_beta2!).addcmul_(_gradients, _gradients, _oneMinusBeta2!);
        _denominator!.copy_(_expAvgSq).sqrt_().add_(scaledEps);
        _values.addcdiv_(_expAvg, _denominator, negativeStepSize);
        _gradients.zero_();
    }

    private static float* DataOf(Tensor buffer) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, float>(buffer.bytes)));

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
        _denominator?.Dispose();
        _oneMinusBeta1?.Dispose();
        _beta2?.Dispose();
        _oneMinusBeta2?.Dispose();
    }
}
