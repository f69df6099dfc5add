using System.Diagnostics;
using System.Globalization;
using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Native;
using MutualInfo.Neural.Objectives;
using MutualInfo.Neural.Staircase;
using MutualInfo.Neural.Training;
using MutualInfo.Randomness;
using TorchSharp;

// Times training steps of a learned critic in the staircase setup (20-d Gaussian at 4 nats).
// usage: NeuralBench [critic=separable|bilinear|concat|staircase|profile] [batch=64] [steps=2000] [torchThreads=2] [objective=infonce] [rssEvery=0]
// `profile` times the phases of the trainer's step (separable critic) in thread CPU time.
string criticName = args.Length > 0 ? args[0] : "separable";
int batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
int steps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
string objectiveName = args.Length > 4 ? args[4] : "infonce";
int rssEvery = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0;

const int dim = 20;
const double mi = 4;
double rho = Math.Sqrt(1 - Math.Exp(-2 * mi / dim));
double noise = Math.Sqrt(1 - rho * rho);
void Sample(Rng rng, Span<double> x, Span<double> y)
{
    for (int i = 0; i < x.Length; i++)
    {
        x[i] = rng.NextGaussian();
        y[i] = rho * x[i] + noise * rng.NextGaussian();
    }
}

TorchRuntime.EnsureLoaded();
if (criticName == "staircase")
{
    // The staircase runner's throughput: `threads` InfoNCE estimators trained at once, one torch thread each.
    var staircase = new StaircaseOptions
    {
        Dim = dim, Levels = [mi], StepsPerLevel = steps, BatchSize = batch, Threads = threads,
        Estimators = Enumerable.Repeat(objectiveName, threads).ToArray(),
    };
    var wall = Stopwatch.StartNew();
    var result = StaircaseExperiment.Run(staircase, _ => Sample);
    double total = threads * (double)steps;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"impl\":\"torchsharp-staircase\",\"critic\":\"separable\",\"objective\":\"{objectiveName}\",\"batch\":{batch},\"steps\":{total},\"threads\":{threads},\"seconds\":{wall.Elapsed.TotalSeconds:F3},\"steps_per_s\":{total / wall.Elapsed.TotalSeconds:F1}}}"));
    return;
}
torch.set_num_threads(threads);
if (criticName == "profile")
{
    PhaseProfile.Run(batch, steps, threads, objectiveName, Sample);
    return;
}
var critic = new CriticOptions(CriticOptions.ParseKind(criticName));
// MI_BENCH_TRIM_EVERY=0 measures glibc without the periodic malloc_trim (the library's default is every 10 steps).
int trimEvery = int.TryParse(Environment.GetEnvironmentVariable("MI_BENCH_TRIM_EVERY"), out int t) ? t : new TrainerOptions().TrimMemoryEvery;
using var trainer = new CriticTrainer(critic, ObjectiveSpec.Parse(objectiveName), dim, dim, new TrainerOptions { BatchSize = batch, TrimMemoryEvery = trimEvery });
int warmup = Math.Min(100, steps / 10);
for (int i = 0; i < warmup; i++) trainer.Step(Sample);
double peakRss = 0;
var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
double last = 0;
for (int i = 0; i < steps; i++)
{
    last = trainer.Step(Sample);
    if (rssEvery > 0 && (i + 1) % rssEvery == 0)
    {
        double rss = ResidentMegabytes();
        peakRss = Math.Max(peakRss, rss);
        Console.Error.WriteLine($"step {i + 1}: rss {rss:F0} MB, {(i + 1) / clock.Elapsed.TotalSeconds:F1} steps/s");
    }
}
double seconds = clock.Elapsed.TotalSeconds;
double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"impl\":\"torchsharp\",\"critic\":\"{criticName}\",\"objective\":\"{objectiveName}\",\"batch\":{batch},\"steps\":{steps},\"threads\":{threads},\"trim_every\":{trimEvery},\"seconds\":{seconds:F3},\"steps_per_s\":{steps / seconds:F1},\"cpu_seconds\":{cpuSeconds:F3},\"steps_per_cpu_s\":{steps / cpuSeconds:F1},\"last_estimate\":{last:F3},\"rss_mb\":{ResidentMegabytes():F0},\"peak_rss_mb\":{Math.Max(peakRss, ResidentMegabytes()):F0}}}"));

static double ResidentMegabytes()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    return double.NaN;
}
