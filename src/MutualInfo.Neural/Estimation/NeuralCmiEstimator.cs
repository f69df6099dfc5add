using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Objectives;
using MutualInfo.Neural.Training;
using MutualInfo.Randomness;
using MutualInfo.Statistics;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Estimation;

/// <summary>
/// I(X;Y|Z) with a learned critic and negatives from a k-NN conditional sampler (name "infonce-cmi"): the rows are
/// cut into groups of K mutual Z-neighbours (<see cref="ZNeighbourGroups"/>), so the Y values of a group are nearly
/// draws from p(y | z); a critic f((x, z), y) is trained by InfoNCE within groups (<see cref="GroupedInfoNceObjective"/>),
/// whose value log K + E[f((x, z), y) − log Σ_group e^{f((x, z), y′)}] is a lower bound on I(X;Y|Z) when the groups
/// share z exactly. The y side does not see z, so the critic cannot tell the positive by its z alone. Rows are split
/// at random into training, validation (early stopping on the grouped InfoNCE) and test. The estimate is the mean
/// over the test rows of the leave-one-out log-ratio f(i, i) − log mean_(j ≠ i in i's group) e^f(i, j): the InfoNCE
/// optimum is f = log p(y|x, z)/p(y|z) + c(x, z), and the mean of e^f over negatives from p(y|z) is e^c, so this
/// estimates log r without InfoNCE's log K ceiling and its low bias (with the exact critic, InfoNCE sits about
/// χ²/K low, the leave-one-out form about χ²/(2(K − 1)) high; measured: docs/conditional.md). The test rows take no
/// part in choosing the stopping step. SE from the spread of the test groups' mean terms.
/// </summary>
public sealed class NeuralCmiEstimator : ICmiEstimator
{
    /// <summary>The CLI and library name.</summary>
    public const string EstimatorName = "infonce-cmi";

    private const ulong SplitStream = 0, TrainingStream = 1, GroupStream = 2;
    private readonly NeuralCmiOptions _options;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> naming the invalid option property. libtorch loads at the first estimate.</summary>
    public NeuralCmiEstimator(NeuralCmiOptions? options = null)
    {
        _options = options ?? new NeuralCmiOptions();
        _options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public NeuralCmiOptions Options => _options;

    /// <inheritdoc />
    public string Name => EstimatorName;

    /// <inheritdoc />
    /// <remarks>Four groups of K in each of the validation and test parts.</remarks>
    public int MinSamples(ConditionalSamples samples) => (int)Math.Ceiling(4.0 * _options.GroupSize / ((1 - _options.TrainFraction) / 2)) + 1;

    /// <inheritdoc />
    public double PointEstimate(ConditionalSamples samples, ulong seed) => Estimate(samples, seed).Mi;

    /// <summary>
    /// The estimate with SE = sd(test group means) / √groups and CI = estimate ± t(groups − 1)·SE. The SE treats the
    /// trained critic as fixed: training variance is not in it (the stopping step is chosen on other rows, so the
    /// test rows carry no selection bias).
    /// </summary>
    public MiEstimate Estimate(ConditionalSamples samples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireRows(samples, MinSamples(samples), $"{Name} with groups of {_options.GroupSize}");
        if (!samples.AllContinuous) throw new ArgumentException($"{Name}: for continuous columns only; with discrete columns use auto or mixed-ksg", "estimator");
        MemoryBudget.Require(_options.Critic.TrainingBytes(samples.X.Dim + samples.Z.Dim, samples.Y.Dim, _options.GroupsPerBatch * _options.GroupSize,
            (double)_options.GroupsPerBatch * _options.GroupSize * _options.GroupSize),
            $"the critic ({_options.Critic.Hidden} units × {_options.Critic.Layers} layers)", "options.Critic.Hidden");
        var (train, validation, test) = Split(ConditionalStandardization.Apply(samples), seed);
        var (testTerms, steps, stillRising) = TrainAndScore(train, validation, test, seed);
        int k = _options.GroupSize, groups = testTerms.Length / k;
        var groupMeans = new double[groups];
        for (int g = 0; g < groups; g++) groupMeans[g] = testTerms.AsSpan(g * k, k).ToArray().Average();
        double mi = groupMeans.Average();
        var moments = new RunningMoments();
        foreach (double m in groupMeans) moments.Add(m);
        double se = moments.StdError, t = StudentT.Quantile975(groups - 1);
        var warnings = new List<string>();
        if (stillRising) warnings.Add($"the validation value was still rising at the step budget ({_options.MaxSteps} steps): the critic may be undertrained; allow more steps");
        string method = $"held-out: critic f((x, z), y) trained on {train.Count} rows for {steps} steps with negatives from groups of {k} Z-neighbours (k-d tree order in Z), " +
            $"early stopping on the grouped InfoNCE of {validation.Count} validation rows; estimate = mean over {groups * k} test rows of f(i, i) − log mean_(j ≠ i in the group) e^f(i, j); SE = sd of the {groups} test group means / √{groups}, CI = ± t({groups - 1})·SE; ignores training variance";
        return new MiEstimate(Name, mi, se, mi - t * se, mi + t * se, samples.Count, samples.X.Dim, samples.Y.Dim, null, null, warnings, method).WithCiNotBelowZero();
    }

    private (ConditionalSamples Train, ConditionalSamples Validation, ConditionalSamples Test) Split(ConditionalSamples data, ulong seed)
    {
        int n = data.Count, nTrain = (int)Math.Round(n * _options.TrainFraction), nValidation = (n - nTrain) / 2;
        int[] perm = Resampling.Permutation(Rng.ForStream(seed, SplitStream), n);
        return (data.Rows(perm.AsSpan(0, nTrain)), data.Rows(perm.AsSpan(nTrain, nValidation)), data.Rows(perm.AsSpan(nTrain + nValidation)));
    }

    /// <summary>Rows laid out group after group: (x, z) and y, row-major.</summary>
    private sealed record GroupedRows(double[] Xz, double[] Y, int Groups, int DimXz, int DimY);

    private GroupedRows Grouped(ConditionalSamples s, Rng rng)
    {
        var groups = ZNeighbourGroups.Of(s.Z, s.Count, _options.GroupSize, rng);
        var rows = groups.SelectMany(g => g).ToArray();
        var xz = s.X.Concat(s.Z).Rows(rows);
        var y = s.Y.Rows(rows);
        return new GroupedRows(xz.Values, y.Values, groups.Length, xz.Dim, y.Dim);
    }

    /// <summary>Trains with early stopping on the validation groups; returns the test terms at the best validation step.</summary>
    private (double[] TestTerms, int Steps, bool StillRising) TrainAndScore(ConditionalSamples train, ConditionalSamples validation, ConditionalSamples test, ulong seed)
    {
        var rng = Rng.ForStream(seed, GroupStream);
        var (trainRows, validationRows, testRows) = (Grouped(train, rng), Grouped(validation, rng), Grouped(test, rng));
        int k = _options.GroupSize, groupsPerBatch = Math.Min(_options.GroupsPerBatch, trainRows.Groups);
        var trainer = new CriticTrainer(_options.Critic, new GroupedInfoNceObjective(k), trainRows.DimXz, trainRows.DimY, new TrainerOptions
        {
            BatchSize = groupsPerBatch * k, LearningRate = _options.LearningRate, Seed = seed, Stream = TrainingStream, Threads = _options.Threads,
        });
        using var _ = trainer;
        using var validationSet = new HeldOutGroups(validationRows, k);
        using var testSet = new HeldOutGroups(testRows, k);
        int maxEvaluations = (_options.MaxSteps + _options.EvalEvery - 1) / _options.EvalEvery;
        double[] best = new double[testRows.Groups * k];
        double bestValue = double.NegativeInfinity;
        int sinceBest = 0, evaluations = 0, step = 0;
        bool improvedLast = false;
        var sampler = GroupSampler(trainRows, k);
        while (step < _options.MaxSteps && sinceBest < _options.Patience)
        {
            int until = Math.Min(_options.MaxSteps, step + _options.EvalEvery);
            for (; step < until; step++) trainer.Step(sampler);
            double value = validationSet.Terms(trainer.Critic).InfoNce.Average();
            if (!double.IsFinite(value))
                throw new ArgumentException($"training diverged by step {step} (validation value {value}); lower the learning rate (now {_options.LearningRate:R})", "options.LearningRate");
            improvedLast = value > bestValue;
            if (improvedLast)
            {
                bestValue = value;
                best = testSet.Terms(trainer.Critic).LeaveOneOut;
                sinceBest = 0;
            }
            else sinceBest++;
            _options.Progress?.Invoke(++evaluations, maxEvaluations);
        }
        return (best, step, improvedLast && step >= _options.MaxSteps);
    }

    /// <summary>Training batches: whole groups, without replacement within an epoch (a fresh permutation of the groups each epoch).</summary>
    private static JointSampler GroupSampler(GroupedRows rows, int k)
    {
        int[] order = [];
        int cursor = 0;
        return (rng, x, y) =>
        {
            int groups = x.Length / (rows.DimXz * k);
            for (int g = 0; g < groups; g++)
            {
                if (cursor == order.Length)
                {
                    order = Resampling.Permutation(rng, rows.Groups);
                    cursor = 0;
                }
                int group = order[cursor++];
                rows.Xz.AsSpan(group * k * rows.DimXz, k * rows.DimXz).CopyTo(x.Slice(g * k * rows.DimXz));
                rows.Y.AsSpan(group * k * rows.DimY, k * rows.DimY).CopyTo(y.Slice(g * k * rows.DimY));
            }
        };
    }

    /// <summary>
    /// For anchor <paramref name="a"/> with scores <paramref name="row"/> over its group: log K + S[a, a] −
    /// logsumexp_b S[a, b], and S[a, a] − log mean_(b ≠ a) e^S[a, b] with the negatives' own maximum taken out
    /// (subtracting e^S[a, a] from the full sum instead loses everything when the positive outscores every
    /// negative by more than ~36 nats: the difference rounds to 0 and the term to +∞).
    /// </summary>
    internal static (double InfoNce, double LeaveOneOut) RowTerms(ReadOnlySpan<double> row, int a)
    {
        double max = double.NegativeInfinity, sum = 0, maxOthers = double.NegativeInfinity, sumOthers = 0;
        for (int b = 0; b < row.Length; b++)
        {
            max = Math.Max(max, row[b]);
            if (b != a) maxOthers = Math.Max(maxOthers, row[b]);
        }
        for (int b = 0; b < row.Length; b++)
        {
            sum += Math.Exp(row[b] - max);
            if (b != a) sumOthers += Math.Exp(row[b] - maxOthers);
        }
        return (Math.Log(row.Length) + row[a] - max - Math.Log(sum), row[a] - maxOthers - Math.Log(sumOthers / (row.Length - 1)));
    }

    /// <summary>Held-out rows as tensors, scored group by group (K×K each, so any critic kind stays small).</summary>
    private sealed class HeldOutGroups : IDisposable
    {
        private readonly Tensor _xz, _y;
        private readonly int _groups, _k;
        private readonly double[] _scores;

        public HeldOutGroups(GroupedRows rows, int k)
        {
            (_groups, _k) = (rows.Groups, k);
            _xz = HeldOutTensors.FromRows(rows.Xz, rows.Groups * k, rows.DimXz);
            _y = HeldOutTensors.FromRows(rows.Y, rows.Groups * k, rows.DimY);
            _scores = new double[k * k];
        }

        /// <summary>
        /// Per row, in double: the grouped InfoNCE term log K + S[a, a] − logsumexp_b S[a, b] over its group, and the
        /// leave-one-out term S[a, a] − log mean_{b ≠ a} e^{S[a, b]}.
        /// </summary>
        public (double[] InfoNce, double[] LeaveOneOut) Terms(Critic critic)
        {
            var terms = new double[_groups * _k];
            var leaveOneOut = new double[_groups * _k];
            for (int g = 0; g < _groups; g++)
            {
                using (var xz = _xz.narrow(0, g * _k, _k))
                using (var y = _y.narrow(0, g * _k, _k))
                    HeldOutTensors.Score(critic, xz, y, _scores);
                for (int a = 0; a < _k; a++)
                    (terms[g * _k + a], leaveOneOut[g * _k + a]) = RowTerms(_scores.AsSpan(a * _k, _k), a);
            }
            return (terms, leaveOneOut);
        }

        public void Dispose()
        {
            _xz.Dispose();
            _y.Dispose();
        }
    }
}
