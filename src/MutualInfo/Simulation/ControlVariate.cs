using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>
/// The control-variate (regression) estimator of a mean: with trial values v_t and a control c_t of known mean μ,
/// v̂ = v̄ − β(c̄ − μ) with β = Σ(v − v̄)(c − c̄) / Σ(c − c̄)², the least-squares fit of v on c read off at c = μ.
/// Its SE is that of the fitted line at μ: s·√(1/T + (c̄ − μ)²/Σ(c − c̄)²) with s² = RSS/(T − 2), which includes
/// the uncertainty of β. Estimating β costs a bias of order 1/T, far below the SE for the trial counts used here.
/// </summary>
internal static class ControlVariate
{
    /// <summary>
    /// The estimate and β, or null when it does not apply: fewer than 3 trials, a non-finite value or control, or a
    /// control without spread.
    /// </summary>
    public static (MeanEstimate Estimate, double Coefficient)? Estimate(ReadOnlySpan<double> values, ReadOnlySpan<double> controls, double knownMean)
    {
        if (values.Length != controls.Length) throw new ArgumentException($"{values.Length} values but {controls.Length} controls", nameof(controls));
        int t = values.Length;
        if (t < 3 || !double.IsFinite(knownMean)) return null;
        double sumV = 0, sumC = 0;
        for (int i = 0; i < t; i++)
        {
            if (!double.IsFinite(values[i]) || !double.IsFinite(controls[i])) return null;
            sumV += values[i];
            sumC += controls[i];
        }
        double meanV = sumV / t, meanC = sumC / t;
        double scc = 0, svc = 0;
        for (int i = 0; i < t; i++)
        {
            double dc = controls[i] - meanC;
            scc += dc * dc;
            svc += (values[i] - meanV) * dc;
        }
        if (!(scc > 0)) return null;
        double beta = svc / scc, rss = 0;
        for (int i = 0; i < t; i++)
        {
            double residual = values[i] - meanV - beta * (controls[i] - meanC);
            rss += residual * residual;
        }
        double offset = meanC - knownMean;
        double mean = meanV - beta * offset;
        double se = Math.Sqrt(rss / (t - 2) * (1.0 / t + offset * offset / scc));
        return (MeanEstimate.FromMoments(mean, se, t), beta);
    }
}
