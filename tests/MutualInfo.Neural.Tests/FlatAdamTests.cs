using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Objectives;
using MutualInfo.Neural.Training;
using MutualInfo.Randomness;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Tests;

/// <summary>Adam over one flat buffer is torch's Adam: against a double-precision reference and TorchSharp's Adam.</summary>
public sealed class FlatAdamTests
{
    private const double FloatEps = 1.1920929e-7;

    private static float[] Gaussian(ulong seed, int count)
    {
        var rng = new Rng(seed);
        var values = new float[count];
        for (int i = 0; i < values.Length; i++) values[i] = (float)rng.NextGaussian();
        return values;
    }

    private static Parameter NewParameter(ulong seed, params long[] shape)
    {
        int count = (int)shape.Aggregate(1L, (a, b) => a * b);
        return new Parameter(tensor(Gaussian(seed, count), shape), requires_grad: true);
    }

    [Fact]
    public void Steps_on_a_quadratic_follow_adam_computed_in_double()
    {
        const double lr = 0.05, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        const int steps = 30;
        var parameters = new[] { NewParameter(1, 3, 4), NewParameter(2, 5), NewParameter(3, 2, 1, 3) };
        var targets = parameters.Select((p, i) => tensor(Gaussian(10 + (ulong)i, (int)p.numel()), p.shape)).ToArray();
        // Reference: loss ½Σ(p − target)², gradient p − target, Adam in double on the float32 starting values.
        double[] p = parameters.SelectMany(q => q.data<float>().ToArray()).Select(v => (double)v).ToArray();
        double[] target = targets.SelectMany(t => t.data<float>().ToArray()).Select(v => (double)v).ToArray();
        double[] m = new double[p.Length], v = new double[p.Length];
        using var adam = new FlatAdam(parameters, lr, beta1, beta2, eps);
        Assert.Equal(p.Length, adam.ParameterCount);
        for (int t = 1; t <= steps; t++)
        {
            adam.ZeroGrad();
            using (var scope = NewDisposeScope())
            {
                var loss = parameters.Zip(targets, (q, target) => (q - target).square().sum()).Aggregate((a, b) => a + b) * 0.5;
                loss.backward();
            }
            adam.Step();
            for (int i = 0; i < p.Length; i++)
            {
                double g = p[i] - target[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                p[i] -= lr / (1 - Math.Pow(beta1, t)) * m[i] / (Math.Sqrt(v[i]) / Math.Sqrt(1 - Math.Pow(beta2, t)) + eps);
            }
        }
        double[] actual = parameters.SelectMany(q => q.data<float>().ToArray()).Select(x => (double)x).ToArray();
        // Each step moves a parameter by at most ~lr with a few float32 roundings of relative size eps each.
        double tolerance = 16 * FloatEps * steps * (1 + p.Max(Math.Abs));
        for (int i = 0; i < p.Length; i++) Assert.True(Math.Abs(actual[i] - p[i]) <= tolerance, $"parameter {i}: {actual[i]} vs reference {p[i]}");
        Assert.Equal(steps, adam.Steps);
    }

    [Fact]
    public void Gradients_are_views_of_the_flat_buffer_and_ZeroGrad_clears_them()
    {
        var parameters = new[] { NewParameter(4, 2, 3), NewParameter(5, 4) };
        using var adam = new FlatAdam(parameters, 1e-3);
        for (int round = 1; round <= 2; round++)
        {
            adam.ZeroGrad();
            using var scope = NewDisposeScope();
            var loss = parameters[0].sum() * 2.0 + parameters[1].sum() * 3.0;
            loss.backward();
            // A second backward accumulates: the gradient tensors are kept (not replaced) between steps.
            Assert.All(parameters[0].grad!.data<float>().ToArray(), g => Assert.Equal(2f, g));
            Assert.All(parameters[1].grad!.data<float>().ToArray(), g => Assert.Equal(3f, g));
        }
        adam.ZeroGrad();
        Assert.All(parameters.SelectMany(p => p.grad!.data<float>().ToArray()), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Critic_training_gives_torchsharps_adam_trace_to_float_rounding()
    {
        const int steps = 20, batch = 16, dim = 4;
        const double lr = 5e-3;
        var options = new CriticOptions(CriticKind.Separable, Layers: 2, Hidden: 32, Embedding: 8);
        torch.manual_seed(7);
        using var flatCritic = Critic.Create(options, dim, dim);
        torch.manual_seed(7);
        using var torchCritic = Critic.Create(options, dim, dim);
        using var flat = new FlatAdam(flatCritic.parameters().ToList(), lr);
        using var reference = optim.Adam(torchCritic.parameters(), lr);
        var flatTrace = new double[steps];
        var torchTrace = new double[steps];
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var x = tensor(Gaussian(100 + (ulong)step, batch * dim), [batch, dim]);
            var y = x * 0.8 + tensor(Gaussian(200 + (ulong)step, batch * dim), [batch, dim]) * 0.6;
            flat.ZeroGrad();
            var flatBound = TorchBounds.InfoNce(flatCritic.forward(x, y));
            (-flatBound).backward();
            flat.Step();
            flatTrace[step] = flatBound.ToDouble();
            reference.zero_grad();
            var torchBound = TorchBounds.InfoNce(torchCritic.forward(x, y));
            (-torchBound).backward();
            reference.step();
            torchTrace[step] = torchBound.ToDouble();
        }
        // The parameters are not compared one by one: InfoNCE is invariant to the bias of g's output layer (it adds
        // b·h(y_j) to a whole column), so that bias's gradient is pure rounding noise, which Adam's normalisation turns
        // into steps of ±lr either way. The trace does not see it.
        double tolerance = 64 * FloatEps * steps;
        double worst = flatTrace.Zip(torchTrace, (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(b))).Max();
        Assert.True(worst <= tolerance, $"largest relative trace difference {worst} > {tolerance}");
        // Training moved the estimate far more than the tolerance (the traces are not two constant sequences).
        Assert.True(Math.Abs(torchTrace[^1] - torchTrace[0]) > 100 * tolerance, $"the estimate moved from {torchTrace[0]} to {torchTrace[^1]}; worst difference {worst}");
    }

    private static (double[] Values, int ZeroGradientSteps) TrainQuadraticWithoutZeroGrad(bool allowFusedStep, int steps)
    {
        var parameters = new[] { NewParameter(21, 3, 4), NewParameter(22, 5), NewParameter(23, 2, 1, 3) };
        var targets = parameters.Select((q, i) => tensor(Gaussian(30 + (ulong)i, (int)q.numel()), q.shape)).ToArray();
        using var adam = new FlatAdam(parameters, 0.05, 0.9, 0.999, 1e-8, allowFusedStep);
        Assert.Equal(allowFusedStep, adam.UsesFusedStep);
        int zeroGradientSteps = 0;
        for (int t = 1; t <= steps; t++)
        {
            using (var scope = NewDisposeScope())
            {
                var loss = parameters.Zip(targets, (q, target) => (q - target).square().sum()).Aggregate((a, b) => a + b) * 0.5;
                loss.backward();
            }
            adam.Step();
            if (parameters.All(q => q.grad!.data<float>().ToArray().All(g => g == 0f))) zeroGradientSteps++;
        }
        return (parameters.SelectMany(q => q.data<float>().ToArray()).Select(x => (double)x).ToArray(), zeroGradientSteps);
    }

    [Fact]
    public void Fused_and_native_steps_give_the_same_parameters_and_both_leave_zero_gradients()
    {
        const int steps = 8;
        var (fused, fusedZeroed) = TrainQuadraticWithoutZeroGrad(allowFusedStep: true, steps);
        var (native, nativeZeroed) = TrainQuadraticWithoutZeroGrad(allowFusedStep: false, steps);
        var (start, _) = TrainQuadraticWithoutZeroGrad(allowFusedStep: true, steps: 0);
        // Without ZeroGrad between steps, a gradient left over by a step would add to the next one and the two
        // paths (or a path and its zero-gradient count) would disagree.
        Assert.Equal(steps, fusedZeroed);
        Assert.Equal(steps, nativeZeroed);
        double tolerance = 16 * FloatEps * steps * (1 + native.Max(Math.Abs));
        for (int i = 0; i < native.Length; i++) Assert.True(Math.Abs(fused[i] - native[i]) <= tolerance, $"parameter {i}: fused {fused[i]} vs native {native[i]}");
        // Eight steps of lr 0.05 move the parameters by far more than the tolerance (the comparison is not of two
        // unchanged buffers).
        double meanMove = start.Zip(native, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanMove > 100 * tolerance, $"the parameters moved {meanMove} on average; tolerance {tolerance}");
    }

    [Fact]
    public void Fused_kernel_result_does_not_depend_on_where_the_vector_loop_ends()
    {
        const int count = 45;
        float[] Buffer(ulong seed, bool positive) => Gaussian(seed, count).Select(x => positive ? x * x : x).ToArray();
        var coefficients = AdamCoefficients.ForStep(3, 1e-3, 0.9, 0.999, 1e-8);
        var (p, g, m, v) = (Buffer(41, false), Buffer(42, false), Buffer(43, false), Buffer(44, true));
        var (pOne, gOne, mOne, vOne) = ((float[])p.Clone(), (float[])g.Clone(), (float[])m.Clone(), (float[])v.Clone());
        FusedAdamKernel.Step(p, g, m, v, coefficients);
        for (int i = 0; i < count; i++)
            FusedAdamKernel.Step(pOne.AsSpan(i, 1), gOne.AsSpan(i, 1), mOne.AsSpan(i, 1), vOne.AsSpan(i, 1), coefficients);
        Assert.Equal(pOne, p);
        Assert.Equal(mOne, m);
        Assert.Equal(vOne, v);
        Assert.All(g, x => Assert.Equal(0f, x));
        Assert.NotEqual(Buffer(41, false), p);
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        var parameter = NewParameter(6, 3);
        Assert.Throws<ArgumentException>(() => new FlatAdam([], 1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAdam([parameter], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAdam([parameter], 1e-3, beta1: 1));
        var other = new Parameter(zeros(2, dtype: ScalarType.Float64), requires_grad: true);
        Assert.Throws<ArgumentException>(() => new FlatAdam([parameter, other], 1e-3));
    }
}
