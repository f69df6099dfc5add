using MutualInfo.Estimators;

namespace MutualInfo.Cli.Commands;

/// <summary>Estimator settings gathered from the command line, handed to <see cref="DataEstimatorCatalog"/>.</summary>
internal sealed record DataEstimatorSettings(int K, double TieNoise, int Splits, int Resamples, double BiasAllowance, NeighbourSearch Search, int Threads, Action<int, int>? Progress = null, NeuralSettings? NeuralFlags = null, bool LowerBoundCheck = true)
{
    private NeuralSettings Flags => NeuralFlags ?? NeuralSettings.None;

    public KsgOptions Ksg(KsgVariant variant)
    {
        Flags.RequireNoneFor("the KSG estimators (ksg-copula, ksg, ksg2)");
        return new() { K = K, Variant = variant, TieNoise = TieNoise, Splits = Splits, BiasAllowance = BiasAllowance, Search = Search, Threads = Threads, Progress = Progress };
    }

    /// <summary>
    /// The held-out neural lower bound ksg-copula consults where its evidence doubts KSG (null with
    /// --no-lower-bound-check). Building it does not load libtorch; only its first estimate does.
    /// </summary>
    /// <remarks>With progress shown, one line says when that training starts (it may take seconds to a minute after the bar).</remarks>
    public IMiEstimator? HeldOutLowerBound()
    {
        if (!LowerBoundCheck) return null;
        var options = MutualInfo.Neural.Estimation.NeuralEstimatorOptions.HeldOutLowerBound;
        if (Progress is not null)
        {
            bool announced = false;
            options = options with
            {
                Progress = (_, total) =>
                {
                    if (announced) return;
                    announced = true;
                    Console.Error.WriteLine($"ksg-copula: the reliability checks doubt KSG; training a held-out InfoNCE lower bound (at most {total} evaluations)");
                },
            };
        }
        return new MutualInfo.Neural.Estimation.NeuralEstimator(options);
    }

    public GaussianOptions Gaussian()
    {
        Flags.RequireNoneFor("the gaussian estimator");
        return new() { Resamples = Resamples, Threads = Threads };
    }

    // Touches MutualInfo.Neural only when a neural estimator is asked for; libtorch itself loads at the first estimate.
    // One torch thread whatever --threads says: measured 6 s with one thread against 49 s with two for InfoNCE on
    // 2000 rows (small matrices; libtorch's intra-op threads only contend), and results stay bit-reproducible.
    // Unset flags keep NeuralEstimatorOptions' defaults; its Validate names the offending flag.
    public IMiEstimator Neural(string objective)
    {
        var flags = Flags;
        var defaults = new MutualInfo.Neural.Estimation.NeuralEstimatorOptions();
        var critic = flags.CriticOver(defaults.Critic);
        return new MutualInfo.Neural.Estimation.NeuralEstimator(defaults with
        {
            Objective = flags.Objective(objective),
            Critic = critic,
            MaxSteps = flags.Steps ?? defaults.MaxSteps,
            BatchSize = flags.Batch ?? defaults.BatchSize,
            LearningRate = flags.LearningRate ?? defaults.LearningRate,
            TestFraction = flags.TestFraction ?? defaults.TestFraction,
            MaxTest = flags.MaxTest ?? defaults.MaxTest,
            EvalEvery = flags.EvalEvery ?? defaults.EvalEvery,
            Patience = flags.Patience ?? defaults.Patience,
            CrossSelection = flags.CrossSelection ?? defaults.CrossSelection,
            SquaredNormFeatures = flags.SquaredNormFeatures ?? defaults.SquaredNormFeatures,
            Threads = 1,
            Progress = Progress,
        });
    }
}
