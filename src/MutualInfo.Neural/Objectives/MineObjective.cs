using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// MINE (Belghazi et al. 2018): reports the DV value; trains with the bias-corrected gradient
/// E_joint[∇f] − ∇E_marg[e^f] / m, where m is a moving average of E_marg[e^f] (kept in the log domain).
/// </summary>
public sealed class MineObjective : MiObjective
{
    private double _logMovingAverage = double.NaN;

    /// <summary>Creates MINE with moving-average rate <paramref name="rate"/> (the paper uses 0.01).</summary>
    public MineObjective(double rate = DefaultRate)
    {
        if (!(rate > 0 && rate <= 1)) throw new ArgumentOutOfRangeException(nameof(rate), FormattableString.Invariant($"mine: rate must lie in (0, 1], got {rate}"));
        Rate = rate;
    }

    /// <summary>The moving-average rate.</summary>
    public double Rate { get; }

    /// <summary>log of the current moving average of the marginal term (NaN before the first batch).</summary>
    public double LogMovingAverage => _logMovingAverage;

    /// <inheritdoc />
    public override string Name => "mine";

    /// <inheritdoc />
    public override string Spec => FormattableString.Invariant($"mine:rate={Rate}");

    /// <summary>The MINE paper's moving-average rate 0.01.</summary>
    public const double DefaultRate = 0.01;

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null)
    {
        using var joint = scores.diagonal().mean();
        using var lme = TorchBounds.OffDiagonalLogMeanExp(scores);
        UpdateMovingAverage(lme.detach().ToDouble());
        using var ratio = (lme - _logMovingAverage).exp();
        var surrogate = joint - ratio;
        return FromSurrogate(surrogate, joint - lme);
    }

    private void UpdateMovingAverage(double logBatchMean)
    {
        if (double.IsNaN(_logMovingAverage))
        {
            _logMovingAverage = logBatchMean;
            return;
        }
        double a = Math.Log(1 - Rate) + _logMovingAverage, b = Math.Log(Rate) + logBatchMean;
        double max = Math.Max(a, b);
        _logMovingAverage = max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }
}
