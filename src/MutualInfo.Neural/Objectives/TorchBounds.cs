using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// The variational MI bounds as differentiable functions of an n×n score matrix S[i, j] = f(x_i, y_j) (positives on
/// the diagonal), in nats. They are the formulas of MutualInfo.Bounds, evaluated by torch so gradients flow into
/// the critic: maximise a bound (minimise its negative) to use it as a contrastive loss. Any floating dtype works;
/// every function returns a scalar tensor and disposes its temporaries.
/// </summary>
internal static class TorchBounds
{
    /// <summary>InfoNCE: log n + mean_j (S[j,j] − logsumexp_i S[i,j]). Never exceeds log n.</summary>
    /// <remarks>
    /// S[j,j] − logsumexp_i S[i,j] is the diagonal of log_softmax over dim 0: one fused kernel forward and one
    /// backward, instead of max, subtract, exp, sum, log and their gradients.
    /// </remarks>
    public static Tensor InfoNce(Tensor scores)
    {
        long n = CheckSquare(scores);
        using var logSoftmax = scores.log_softmax(0);
        using var diag = logSoftmax.diagonal();
        using var mean = diag.mean();
        return mean + Math.Log(n);
    }

    /// <summary>NWJ: mean diag S − e^{−1} · mean_offdiag e^S (optimal critic 1 + log r).</summary>
    public static Tensor Nwj(Tensor scores)
    {
        CheckSquare(scores);
        using var joint = scores.diagonal().mean();
        using var lme = OffDiagonalLogMeanExp(scores);
        using var shifted = lme - 1.0;
        using var marginal = shifted.exp();
        return joint - marginal;
    }

    /// <summary>
    /// TUBA with baseline a(y): 1 + mean_j (S[j,j] − log a(y_j)) − mean_{i≠j} e^{S[i,j] − log a(y_j)}.
    /// <paramref name="logBaseline"/> holds log a(y_j) per column (length n) or is a scalar.
    /// </summary>
    public static Tensor Tuba(Tensor scores, Tensor logBaseline)
    {
        CheckSquare(scores);
        using var shifted = scores - AsColumnShift(logBaseline);
        using var joint = shifted.diagonal().mean();
        using var lme = OffDiagonalLogMeanExp(shifted);
        using var marginal = lme.exp();
        using var difference = joint - marginal;
        return difference + 1.0;
    }

    /// <summary>Donsker–Varadhan (the MINE value): mean diag S − logmeanexp_offdiag S.</summary>
    public static Tensor Dv(Tensor scores)
    {
        CheckSquare(scores);
        using var joint = scores.diagonal().mean();
        using var lme = OffDiagonalLogMeanExp(scores);
        return joint - lme;
    }

    /// <summary>SMILE(τ): mean diag S − logmeanexp_offdiag clip(S, −τ, τ) (Song &amp; Ermon 2020).</summary>
    public static Tensor Smile(Tensor scores, double tau)
    {
        CheckSquare(scores);
        if (!(tau > 0)) throw new ArgumentOutOfRangeException(nameof(tau), "tau must be positive");
        using var joint = scores.diagonal().mean();
        using var clipped = scores.clamp(-tau, tau);
        using var lme = OffDiagonalLogMeanExp(clipped);
        return joint - lme;
    }

    /// <summary>
    /// The f-GAN Jensen–Shannon objective mean diag(−softplus(−S)) − mean_offdiag softplus(S). It trains a critic
    /// towards log r but is not itself an MI estimate: report <see cref="JsValue"/>.
    /// </summary>
    public static Tensor JsFGan(Tensor scores)
    {
        long n = CheckSquare(scores);
        using var diag = scores.diagonal();
        using var negDiag = -diag;
        using var softNegDiag = nn.functional.softplus(negDiag);
        using var joint = softNegDiag.mean();
        using var softAll = nn.functional.softplus(scores);
        using var softDiag = nn.functional.softplus(diag);
        using var sumAll = softAll.sum();
        using var sumDiag = softDiag.sum();
        using var offSum = sumAll - sumDiag;
        using var marginal = offSum / (double)(n * (n - 1));
        using var negJoint = -joint;
        return negJoint - marginal;
    }

    /// <summary>The MI value of a JS-trained critic: NWJ(S + 1), since JS's optimum is log r and NWJ's is 1 + log r.</summary>
    public static Tensor JsValue(Tensor scores)
    {
        using var shifted = scores + 1.0;
        return Nwj(shifted);
    }

    /// <summary>
    /// α-InfoNCE, Poole et al. (2019) "interpolated_lower_bound": the TUBA bound with, for each positive, the
    /// baseline log(α · leave-one-out mean of e^S + (1 − α) · a(y)). α = 1 is InfoNCE-like, α = 0 is TUBA.
    /// <paramref name="logBaseline"/> holds log a(y_j) per column (length n) or is a scalar.
    /// </summary>
    public static Tensor AlphaInfoNce(Tensor scores, Tensor logBaseline, double alpha)
    {
        long n = CheckSquare(scores);
        if (!(alpha >= 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must lie in [0, 1]");
        // Poole et al. index rows by y; transposing keeps their formula literal: t[j, i] = f(x_i, y_j).
        using var t = scores.t();
        using var baseline = AsRowBaseline(logBaseline, n, scores);
        using var interpolated = InterpolatedBaseline(t, baseline, alpha, n);
        using var interpolatedDiag = interpolated.diagonal().unsqueeze(1);
        using var criticMarginal = t - interpolatedDiag;
        using var marginalLme = OffDiagonalLogMeanExp(criticMarginal);
        using var marginal = marginalLme.exp();
        using var tDiag = t.diagonal().unsqueeze(1);
        using var criticJoint = tDiag - interpolated;
        using var jointAll = criticJoint.sum();
        using var jointDiag = criticJoint.diagonal().sum();
        using var jointOff = jointAll - jointDiag;
        using var joint = jointOff / (double)(n * (n - 1));
        using var difference = joint - marginal;
        return difference + 1.0;
    }

    /// <summary>log of the mean of e^S over the n(n − 1) off-diagonal entries.</summary>
    public static Tensor OffDiagonalLogMeanExp(Tensor scores)
    {
        long n = CheckSquare(scores);
        using var mask = eye(n, dtype: ScalarType.Bool, device: scores.device);
        using var masked = scores.masked_fill(mask, double.NegativeInfinity);
        using var flat = masked.flatten();
        using var lse = flat.logsumexp(0);
        return lse - Math.Log(n * (double)(n - 1));
    }

    /// <summary>
    /// loo[j, i] = log( (1/(n−1)) Σ_{k≠i} e^{t[j,k]} ), the log leave-one-out mean of each row. For entries below
    /// the row maximum it is lse_j + log(1 − e^{t[j,i] − lse_j}); for the row maximum, whose share of the sum can
    /// round to 1 in float32 (log 0, then NaN gradients), it is the log-sum-exp of the row without it.
    /// </summary>
    internal static Tensor LogLeaveOneOutMean(Tensor t, long n)
    {
        using var lse = t.logsumexp(1, keepdim: true);
        using var argmax = t.argmax(1, keepdim: true);
        using var isMax = zeros_like(t, dtype: ScalarType.Bool).scatter_(1, argmax, ones_like(argmax, dtype: ScalarType.Bool));
        using var withoutMax = t.masked_fill(isMax, double.NegativeInfinity);
        using var lseWithoutMax = withoutMax.logsumexp(1, keepdim: true);
        // The other branch is evaluated too: feed it a harmless gap at the maximum so its gradient stays finite.
        using var gap = t - lse;
        using var safeGap = gap.masked_fill(isMax, -1.0);
        using var expm1 = safeGap.expm1();
        using var remainder = -expm1;
        using var logRemainder = remainder.log();
        using var belowMax = lse + logRemainder;
        using var looSum = where(isMax, lseWithoutMax.expand_as(t), belowMax);
        return looSum - Math.Log(n - 1.0);
    }

    private static Tensor InterpolatedBaseline(Tensor t, Tensor rowBaseline, double alpha, long n)
    {
        if (alpha == 0) return rowBaseline.expand(n, n).clone();
        using var loo = LogLeaveOneOutMean(t, n);
        if (alpha == 1) return loo.clone();
        using var a = loo + Math.Log(alpha);
        using var b = rowBaseline + Math.Log(1 - alpha);
        return a.logaddexp(b);
    }

    private static Tensor AsColumnShift(Tensor logBaseline) =>
        logBaseline.dim() == 0 ? logBaseline.alias() : logBaseline.reshape(1, -1);

    private static Tensor AsRowBaseline(Tensor logBaseline, long n, Tensor like) =>
        logBaseline.dim() == 0 ? logBaseline.expand(n, 1).to(like.dtype) : logBaseline.reshape(n, 1).to(like.dtype);

    private static long CheckSquare(Tensor scores)
    {
        if (scores.dim() != 2 || scores.shape[0] != scores.shape[1] || scores.shape[0] < 2)
            throw new ArgumentException($"scores must be an n×n matrix with n ≥ 2, got shape [{string.Join(", ", scores.shape)}]", nameof(scores));
        return scores.shape[0];
    }
}
