namespace MutualInfo.Statistics;

/// <summary>Welford's streaming mean and variance; merge-able, so per-thread partial results can be combined.</summary>
internal struct RunningMoments
{
    /// <summary>Number of values added.</summary>
    public long Count { get; private set; }
    /// <summary>Mean of the values added.</summary>
    public double Mean { get; private set; }
    private double _m2;

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Count++;
        double delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
    }

    /// <summary>Unbiased sample variance (NaN with fewer than two values).</summary>
    public readonly double Variance => Count > 1 ? _m2 / (Count - 1) : double.NaN;

    /// <summary>Standard error of the mean.</summary>
    public readonly double StdError => Math.Sqrt(Variance / Count);

    /// <summary>The mean with its standard error and a normal-approximation 95% CI.</summary>
    public readonly MeanEstimate ToEstimate() => MeanEstimate.FromMoments(Mean, StdError, Count);
}
