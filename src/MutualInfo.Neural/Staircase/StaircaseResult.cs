namespace MutualInfo.Neural.Staircase;

/// <summary>The whole experiment: the options it ran with, one run per estimator, and its wall-clock time.</summary>
/// <param name="Options">The options of the run.</param>
/// <param name="Runs">One run per estimator, in the order requested.</param>
/// <param name="Seconds">Wall-clock time of the training.</param>
public sealed record StaircaseResult(StaircaseOptions Options, IReadOnlyList<StaircaseRun> Runs, double Seconds);
