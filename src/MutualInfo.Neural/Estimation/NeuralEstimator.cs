using MutualInfo.Bounds;
using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Objectives;
using MutualInfo.Neural.Training;
using MutualInfo.Randomness;
using MutualInfo.Statistics;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Estimation;

/// <summary>
/// MI from data with a learned critic: the columns are standardised, the rows split at random into a training and
/// a held-out set (<see cref="NeuralEstimatorOptions.TestFraction"/>, at most <see cref="NeuralEstimatorOptions.MaxTest"/>
/// held out), the critic is trained by Adam on mini-batches of the training set, and every
/// <see cref="NeuralEstimatorOptions.EvalEvery"/> steps it is scored on the whole held-out set as one n_test×n_test
/// batch; training stops after <see cref="NeuralEstimatorOptions.Patience"/> evaluations without a new best, and the
/// estimate is the best held-out value, computed in double by the core bound (<see cref="IBound.EvaluateBatch"/>),
/// the same formula as `mi simulate`. InfoNCE's estimate therefore never exceeds log n_test.
/// Constructing the estimator does not load libtorch; the first estimate does.
/// </summary>
public sealed class NeuralEstimator : IMiEstimator
{
    private const ulong SplitStream = 0, TrainingStream = 1;
    private const long MaxConcatActivations = 1L << 28;
    private const double NearCeiling = 1.0;
    private readonly NeuralEstimatorOptions _options;
    private readonly NeuralObjectiveKind _kind;
    private readonly double _tau;
    private readonly string _objectiveSpec;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> on invalid options or an objective it does not support.</summary>
    public NeuralEstimator(NeuralEstimatorOptions? options = null)
    {
        _options = options ?? new NeuralEstimatorOptions();
        _options.Validate();
        (_kind, _tau, _objectiveSpec) = ParseObjective(_options.Objective);
    }

    /// <summary>The settings in use.</summary>
    public NeuralEstimatorOptions Options => _options;

    /// <summary>The objective names this estimator accepts.</summary>
    public static IReadOnlyList<string> SupportedObjectives => ObjectiveNames.DataEstimatorNames;

    /// <inheritdoc />
    public string Name => _kind == NeuralObjectiveKind.Smile && _tau != SmileObjective.DefaultTau ? _objectiveSpec : _objectiveSpec.Split(':')[0];

    /// <inheritdoc />
    /// <remarks>Two held-out pairs (the smallest score matrix with negatives) and two to train on.</remarks>
    public int MinSamples(int dimX, int dimY) => 4;

    /// <inheritdoc />
    public double PointEstimate(PairedSamples samples, ulong seed) => Estimate(samples, seed).Mi;

    /// <summary>
    /// The estimate with a standard error from the spread of the per-column contributions over the n_test held-out
    /// columns (delta method for log-mean-exp partition terms), CI = estimate ± 1.96 SE. It treats the trained
    /// critic as fixed: the variance of training and the upward bias of choosing the best of several held-out
    /// evaluations are not included.
    /// </summary>
    public MiEstimate Estimate(PairedSamples samples, ulong seed)
    {
        SampleValidation.RequireRows(samples, MinSamples(samples.DimX, samples.DimY), $"the neural estimator {Name}");
        SampleValidation.RequireFinite(samples);
        var data = Standardization.Apply(samples);
        if (_options.SquaredNormFeatures) data = SquaredNormFeatures.Append(data);
        var (train, test) = Split(data, seed);
        RequireFeasibleCritic(test.Count, data.DimX, data.DimY);
        IHeldOutSelection selection = _options.CrossSelection ? new CrossSelection(test.Count, CoreBound()) : new BestEvaluation(test.Count, CoreBound());
        var (lastImprovedAtEnd, steps) = TrainAndScore(train, test, seed, selection);
        int n = selection.BatchRows;
        var (mi, se) = selection.Estimate(_kind, _tau);
        var warnings = new List<string>();
        double? cap = _kind == NeuralObjectiveKind.InfoNce ? Math.Log(n) : null;
        if (cap is not null) warnings.AddRange(CeilingWarnings(mi, se, n));
        if (lastImprovedAtEnd)
            warnings.Add($"the held-out estimate was still rising at the step budget ({_options.MaxSteps} steps): the critic may be undertrained; allow more steps");
        string method = _options.CrossSelection
            ? $"held-out, cross-selected: critic trained on {train.Count} rows for {steps} steps; the {test.Count} held-out rows form two halves, the step best on one half is scored on the other (evaluations every {_options.EvalEvery} steps, patience {_options.Patience}), " +
              $"estimate = mean of the two ({n}-row batches); SE = ½√(SE₁² + SE₂²), each sd of the per-column terms / √{n} (delta method for log-mean-exp terms), CI = ±1.96 SE; ignores training variance"
            : $"held-out: critic trained on {train.Count} rows for {steps} steps (early stopping every {_options.EvalEvery} steps, patience {_options.Patience}), " +
              $"estimate on the {n} held-out rows; SE = sd of the per-column terms / √{n} (delta method for log-mean-exp terms), CI = ±1.96 SE; ignores training variance and the selection of the best evaluation";
        if (Divergence(mi) is { } diverged)
            return new MiEstimate(Name, double.NaN, double.NaN, double.NaN, double.NaN, samples.Count, samples.DimX, samples.DimY, cap, null, warnings, method)
            { Reliability = Reliability.From([diverged]) };
        var result = new MiEstimate(Name, mi, se, mi - 1.96 * se, mi + 1.96 * se, samples.Count, samples.DimX, samples.DimY, cap, null, warnings, method);
        if (cap is double ceiling && mi >= ceiling - NearCeiling)
            result = result with
            {
                Ci95High = double.PositiveInfinity,
                Reliability = Reliability.From([$"the estimate is within {NearCeiling:0} nat of its ceiling log n_test = {ceiling:0.000}, where InfoNCE is held down by it: the true MI may be much larger; the CI's upper end is open"]),
            };
        return result.WithCiNotBelowZero();
    }

    /// <summary>
    /// A sentence saying the critic diverged (a held-out value that is not finite or below −1 nat, which the
    /// constant critic already beats), or null; non-finite scores stop training earlier (<see cref="RequireFiniteScores"/>).
    /// Large finite scores alone prove nothing: InfoNCE is invariant to shifting a column, so its scores may drift
    /// far from 0. A diverged critic yields no estimate at all.
    /// </summary>
    private string? Divergence(double mi)
    {
        if (double.IsFinite(mi) && mi >= -1) return null;
        return $"the critic diverged (its held-out value is {mi:0.###E+0} nats, below what a constant critic gives): no estimate; lower the learning rate (now {_options.LearningRate:R}), use more rows, or another estimator";
    }

    /// <summary>
    /// The shared saturation warning (within max(0.1, 2 SE) of log n), or else a looser one within 1 nat of log n:
    /// even the exact critic's InfoNCE at I = log n is only log n − log 2 (mean-field), so an estimate that close to
    /// the ceiling is held down by it, and a learned critic on few rows sits well below its exact-critic value.
    /// </summary>
    private static IEnumerable<string> CeilingWarnings(double mi, double se, int n)
    {
        if (EstimatorDiagnostics.SaturationWarning(mi, se, n) is { } saturated)
        {
            yield return saturated;
            yield break;
        }
        double cap = Math.Log(n);
        if (mi >= cap - NearCeiling)
            yield return $"the estimate {mi:0.000} is within {NearCeiling:0} nat of its ceiling log n_test = {cap:0.000} (n_test = {n} held-out rows): InfoNCE is biased low this close to the ceiling and the true MI may be larger; n_test ≥ {Math.Ceiling(Math.Exp(mi + 2)):0} held-out rows would lift the ceiling 2 nats above the estimate";
    }

    private const string ObjectiveParameter = "options.Objective";

    private static (NeuralObjectiveKind Kind, double Tau, string Spec) ParseObjective(string text)
    {
        // Only the objectives this estimator reports with: a typo lists those, not every training objective.
        MiObjective objective = ObjectiveSpec.Parse(text, ObjectiveNames.DataEstimators, ObjectiveParameter);
        return objective switch
        {
            InfoNceObjective => (NeuralObjectiveKind.InfoNce, 0, objective.Spec),
            NwjObjective => (NeuralObjectiveKind.Nwj, 0, objective.Spec),
            JsObjective => (NeuralObjectiveKind.Js, 0, objective.Spec),
            DvObjective => (NeuralObjectiveKind.Dv, 0, objective.Spec),
            SmileObjective s => (NeuralObjectiveKind.Smile, s.Tau, objective.Spec),
            _ => throw new InvalidOperationException($"ObjectiveNames lists '{objective.Name}' as a data estimator, but NeuralEstimator has no kind for it"),
        };
    }

    private IBound CoreBound() => _kind switch
    {
        NeuralObjectiveKind.InfoNce => new InfoNceBound(),
        NeuralObjectiveKind.Nwj => new NwjBound(),
        NeuralObjectiveKind.Js => new JensenShannonBound(),
        NeuralObjectiveKind.Dv => new DonskerVaradhanBound(),
        _ => new SmileBound(_tau),
    };

    private (PairedSamples Train, PairedSamples Test) Split(PairedSamples data, ulong seed)
    {
        int n = data.Count;
        int nTest = Math.Clamp((int)Math.Round(n * _options.TestFraction), 2, Math.Min(_options.MaxTest, n - 2));
        int[] perm = Resampling.Permutation(Rng.ForStream(seed, SplitStream), n);
        return (data.Rows(perm.AsSpan(nTest)), data.Rows(perm.AsSpan(0, nTest)));
    }

    private void RequireFeasibleCritic(int nTest, int dimX, int dimY)
    {
        if (_options.Critic.Kind == CriticKind.Concat && (long)nTest * nTest * _options.Critic.Hidden > MaxConcatActivations)
            throw new ArgumentException($"the concat critic would need {(long)nTest * nTest * _options.Critic.Hidden:N0} activations to score {nTest} held-out pairs; use a separable critic or fewer held-out rows", "options.Critic");
        // Held-out scoring keeps the best and the current n×n matrix (double) and the critic's float32 and float64 copies.
        MemoryBudget.Require(28.0 * nTest * nTest, $"scoring {nTest} held-out rows (n×n score matrices)", "options.MaxTest");
        MemoryBudget.Require(_options.Critic.TrainingBytes(dimX, dimY, _options.BatchSize, (double)_options.BatchSize * _options.BatchSize), $"the critic ({_options.Critic.Hidden} units × {_options.Critic.Layers} layers)", "options.Critic.Hidden");
    }

    /// <summary>
    /// Trains with early stopping: every <see cref="NeuralEstimatorOptions.EvalEvery"/> steps the held-out scores go to
    /// <paramref name="selection"/>, and training stops after <see cref="NeuralEstimatorOptions.Patience"/> offers
    /// without a new best. Returns whether the last evaluation still improved at the step budget, and the steps run.
    /// </summary>
    private (bool LastImprovedAtEnd, int Steps) TrainAndScore(PairedSamples train, PairedSamples test, ulong seed, IHeldOutSelection selection)
    {
        var trainer = new CriticTrainer(_options.Critic, ObjectiveSpec.Parse(_objectiveSpec), train.DimX, train.DimY, new TrainerOptions
        {
            BatchSize = Math.Min(_options.BatchSize, train.Count), LearningRate = _options.LearningRate,
            Seed = seed, Stream = TrainingStream, Threads = _options.Threads,
        });
        using var _ = trainer;
        using var xTest = HeldOutTensors.FromRows(test.X, test.Count, test.DimX);
        using var yTest = HeldOutTensors.FromRows(test.Y, test.Count, test.DimY);
        int n = test.Count, maxEvaluations = (_options.MaxSteps + _options.EvalEvery - 1) / _options.EvalEvery;
        var scores = new double[n * n];
        int sinceBest = 0, evaluations = 0, step = 0;
        bool improvedLast = false;
        var sampler = EpochSampler(train);
        while (step < _options.MaxSteps && sinceBest < _options.Patience)
        {
            int until = Math.Min(_options.MaxSteps, step + _options.EvalEvery);
            for (; step < until; step++) trainer.Step(sampler);
            HeldOutTensors.Score(trainer.Critic, xTest, yTest, scores);
            RequireFiniteScores(scores, step);
            improvedLast = selection.Offer(scores);
            sinceBest = improvedLast ? 0 : sinceBest + 1;
            _options.Progress?.Invoke(++evaluations, maxEvaluations);
        }
        return (improvedLast && step >= _options.MaxSteps, step);
    }

    // Scores of +∞ or NaN mean training diverged (a learning rate far too large): a bound on them would be NaN.
    private void RequireFiniteScores(double[] scores, int step)
    {
        foreach (double s in scores)
            if (double.IsNaN(s) || double.IsPositiveInfinity(s))
                throw new ArgumentException($"training diverged by step {step} (held-out critic scores are {s}); lower the learning rate (now {_options.LearningRate:R})", "options.LearningRate");
    }

    /// <summary>Draws training batches without replacement within an epoch (a fresh permutation each epoch).</summary>
    private static JointSampler EpochSampler(PairedSamples train)
    {
        int[] order = [];
        int cursor = 0;
        return (rng, x, y) =>
        {
            int rows = x.Length / train.DimX;
            for (int r = 0; r < rows; r++)
            {
                if (cursor == order.Length)
                {
                    order = Resampling.Permutation(rng, train.Count);
                    cursor = 0;
                }
                int row = order[cursor++];
                train.X.AsSpan(row * train.DimX, train.DimX).CopyTo(x.Slice(r * train.DimX, train.DimX));
                train.Y.AsSpan(row * train.DimY, train.DimY).CopyTo(y.Slice(r * train.DimY, train.DimY));
            }
        };
    }
}
