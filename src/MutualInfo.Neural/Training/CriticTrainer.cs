using System.Runtime.InteropServices;
using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Native;
using MutualInfo.Neural.Objectives;
using MutualInfo.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Training;

/// <summary>
/// Trains one critic with one objective by Adam (<see cref="FlatAdam"/>: torch's update over one flat buffer, which
/// also leaves the gradients zero for the next step), one batch per step, and returns the per-step estimates.
/// Batches are drawn in double with MutualInfo's <see cref="Rng"/> (stream <see cref="TrainerOptions.Stream"/> of
/// <see cref="TrainerOptions.Seed"/>) and copied into preallocated float32 tensors; each step runs in its own
/// dispose scope so native memory is released at once instead of waiting for the garbage collector, and every
/// <see cref="TrainerOptions.TrimMemoryEvery"/> steps the freed pages go back to the OS (<see cref="GlibcMalloc"/>) if
/// malloc holds more than <see cref="TrainerOptions.TrimFreeAbove"/> bytes free.
/// </summary>
public sealed class CriticTrainer : IDisposable
{
    private static readonly Lock SeedGate = new();
    private readonly MiObjective _objective;
    private readonly LogBaseline? _baseline;
    private readonly FlatAdam _optimizer;
    private readonly Device _device;
    private readonly Rng _rng;
    private readonly int _batch, _dimX, _dimY, _trimEvery;
    private readonly long _trimFreeAbove;
    private long _steps;
    private readonly double[] _xDouble, _yDouble;
    private readonly float[] _xFloat, _yFloat;
    private readonly Tensor _x, _y;

    /// <summary>Creates the critic (and baseline) from a seeded initialisation and the Adam optimiser.</summary>
    public CriticTrainer(CriticOptions critic, MiObjective objective, int dimX, int dimY, TrainerOptions options)
    {
        options.Validate();
        TorchRuntime.EnsureLoaded();
        _objective = objective;
        _device = TorchRuntime.Device(options.Cuda);
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        (_batch, _dimX, _dimY, _trimEvery, _trimFreeAbove) = (options.BatchSize, dimX, dimY, options.TrimMemoryEvery, options.TrimFreeAbove);
        // Initial weights come from torch's global generator: seed and build under one lock so that trainers
        // created concurrently still get the weights their seed names.
        lock (SeedGate)
        {
            torch.manual_seed((long)(options.Seed ^ (options.Stream * 0x9E3779B97F4A7C15UL)));
            Critic = Critic.Create(critic, dimX, dimY);
            _baseline = objective.NeedsBaseline ? new LogBaseline(options.Baseline, dimY, critic) : null;
        }
        Critic.to(_device);
        _baseline?.to(_device);
        var parameters = Critic.parameters().Concat(_baseline?.parameters() ?? []).ToList();
        _optimizer = new FlatAdam(parameters, options.LearningRate);
        _rng = Rng.ForStream(options.Seed, options.Stream);
        _xDouble = new double[_batch * dimX];
        _yDouble = new double[_batch * dimY];
        _xFloat = new float[_batch * dimX];
        _yFloat = new float[_batch * dimY];
        _x = zeros(_batch, dimX, dtype: ScalarType.Float32);
        _y = zeros(_batch, dimY, dtype: ScalarType.Float32);
    }

    /// <summary>The critic being trained.</summary>
    public Critic Critic { get; }

    /// <summary>The objective being optimised.</summary>
    public MiObjective Objective => _objective;

    /// <summary>Draws one batch from <paramref name="sampler"/>, takes one Adam step and returns the batch's estimate (nats).</summary>
    public double Step(JointSampler sampler)
    {
        sampler(_rng, _xDouble, _yDouble);
        return Step(_xDouble, _yDouble);
    }

    /// <summary>One Adam step on the given batch (row-major x: n×d_x, y: n×d_y); returns the batch's estimate (nats).</summary>
    public double Step(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double estimate = StepInScope(x, y);
        if (_trimEvery > 0 && ++_steps % _trimEvery == 0) GlibcMalloc.TrimIfFreeExceeds(_trimFreeAbove);
        return estimate;
    }

    private double StepInScope(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Load(x, _xFloat, _x);
        Load(y, _yFloat, _y);
        using var scope = NewDisposeScope();
        var xs = _device.type == DeviceType.CPU ? _x : _x.to(_device);
        var ys = _device.type == DeviceType.CPU ? _y : _y.to(_device);
        var scores = Critic.forward(xs, ys);
        var logBaseline = _baseline?.forward(ys);
        var output = _objective.Evaluate(scores, logBaseline);
        output.Loss.backward();
        _optimizer.Step();
        return output.Estimate.ToSingle();
    }

    /// <summary>Trains for <paramref name="steps"/> steps and returns the estimate of every step.</summary>
    public double[] Train(JointSampler sampler, int steps, Action<int>? onStep = null)
    {
        var trace = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            trace[i] = Step(sampler);
            onStep?.Invoke(i);
        }
        return trace;
    }

    private void Load(ReadOnlySpan<double> source, float[] buffer, Tensor destination)
    {
        if (source.Length != buffer.Length)
            throw new ArgumentException($"batch must hold {_batch} rows of {buffer.Length / _batch} values, got {source.Length} values");
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (float)source[i];
        destination.bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
    }

    /// <summary>Releases the native tensors of the critic, baseline and optimiser.</summary>
    public void Dispose()
    {
        _optimizer.Dispose();
        Critic.Dispose();
        _baseline?.Dispose();
        _x.Dispose();
        _y.Dispose();
    }

    /// <summary>Dimensions of x and y this trainer expects.</summary>
    public (int X, int Y) Dimensions => (_dimX, _dimY);
}
