namespace MutualInfo.Neural.Estimation;

/// <summary>The checks shared by the neural estimators' options on their training schedule (Adam's rate, steps, early stopping, threads).</summary>
internal static class TrainingSchedule
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option property.</summary>
    public static void Validate(double learningRate, int maxSteps, int evalEvery, int patience, int threads)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate)) throw new ArgumentOutOfRangeException("options.LearningRate", $"must be positive, got {learningRate}");
        if (maxSteps < 1) throw new ArgumentOutOfRangeException("options.MaxSteps", $"must be at least 1, got {maxSteps}");
        if (evalEvery < 1) throw new ArgumentOutOfRangeException("options.EvalEvery", $"must be at least 1, got {evalEvery}");
        if (patience < 1) throw new ArgumentOutOfRangeException("options.Patience", $"must be at least 1, got {patience}");
        if (threads < 0) throw new ArgumentOutOfRangeException("options.Threads", $"must be at least 0, got {threads}");
    }
}
