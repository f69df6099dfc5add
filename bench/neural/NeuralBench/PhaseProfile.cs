using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Native;
using MutualInfo.Neural.Objectives;
using MutualInfo.Neural.Training;
using MutualInfo.Randomness;
using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// The step of <see cref="CriticTrainer"/> taken apart (same components, same order: sample in double and copy into
/// float32, open the dispose scope ("zero_grad": <see cref="FlatAdam.Step"/> zeroes the gradient in its own pass, so
/// nothing else is left of it), forward, objective, backward, <see cref="FlatAdam"/> step, read the estimate back,
/// end the dispose scope, the conditional malloc trim every 10 steps), each phase timed in thread CPU time so other
/// processes on the machine do not inflate it. peer_torch.py's profile mode times the same phases in PyTorch.
/// </summary>
internal static class PhaseProfile
{
    private static readonly string[] Phases = ["sample", "zero_grad", "forward", "loss", "backward", "adam", "item", "scope", "trim"];

    public static void Run(int batch, int steps, int threads, string objectiveName, JointSampler sampler)
    {
        const int dim = 20;
        var options = new TrainerOptions { BatchSize = batch };
        torch.manual_seed(1);
        using var critic = Critic.Create(new CriticOptions(CriticKind.Separable), dim, dim);
        using var adam = new FlatAdam(critic.parameters().ToList(), options.LearningRate);
        var objective = ObjectiveSpec.Parse(objectiveName);
        var rng = Rng.ForStream(options.Seed, options.Stream);
        double[] xd = new double[batch * dim], yd = new double[batch * dim];
        float[] xf = new float[batch * dim], yf = new float[batch * dim];
        using var x = zeros(batch, dim);
        using var y = zeros(batch, dim);
        var totals = new long[Phases.Length];
        var marks = new long[Phases.Length + 1];
        void Step(int index, bool record)
        {
            int k = 0;
            marks[k++] = ThreadCpuNanoseconds();
            sampler(rng, xd, yd);
            for (int i = 0; i < xd.Length; i++) (xf[i], yf[i]) = ((float)xd[i], (float)yd[i]);
            x.bytes = MemoryMarshal.AsBytes(xf.AsSpan());
            y.bytes = MemoryMarshal.AsBytes(yf.AsSpan());
            marks[k++] = ThreadCpuNanoseconds();
            var scope = NewDisposeScope();
            marks[k++] = ThreadCpuNanoseconds();
            var scores = critic.forward(x, y);
            marks[k++] = ThreadCpuNanoseconds();
            var output = objective.Evaluate(scores);
            marks[k++] = ThreadCpuNanoseconds();
            output.Loss.backward();
            marks[k++] = ThreadCpuNanoseconds();
            adam.Step();
            marks[k++] = ThreadCpuNanoseconds();
            _ = output.Estimate.ToSingle();
            marks[k++] = ThreadCpuNanoseconds();
            scope.Dispose();
            marks[k++] = ThreadCpuNanoseconds();
            if ((index + 1) % options.TrimMemoryEvery == 0) GlibcMalloc.TrimIfFreeExceeds(options.TrimFreeAbove);
            marks[k++] = ThreadCpuNanoseconds();
            if (record)
                for (int i = 0; i < Phases.Length; i++) totals[i] += marks[i + 1] - marks[i];
        }
        for (int i = 0; i < Math.Min(100, steps / 10); i++) Step(i, false);
        for (int i = 0; i < steps; i++) Step(i, true);
        var json = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{{\"impl\":\"torchsharp-profile\",\"batch\":{batch},\"steps\":{steps},\"threads\":{threads},\"us_per_step\":{{"));
        for (int i = 0; i < Phases.Length; i++)
            json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}\"{Phases[i]}\":{totals[i] / 1e3 / steps:F1}");
        json.Append(CultureInfo.InvariantCulture, $"}},\"total_us\":{totals.Sum() / 1e3 / steps:F1}}}");
        Console.WriteLine(json.ToString());
    }

    private static unsafe long ThreadCpuNanoseconds()
    {
        const int ClockThreadCpuTimeId = 3;
        long* timespec = stackalloc long[2];
        ClockGetTime(ClockThreadCpuTimeId, timespec);
        return timespec[0] * 1_000_000_000L + timespec[1];
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern unsafe int ClockGetTime(int clock, long* timespec);
}
