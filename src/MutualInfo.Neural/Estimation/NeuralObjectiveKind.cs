namespace MutualInfo.Neural.Estimation;

/// <summary>The objectives <see cref="NeuralEstimator"/> supports on data.</summary>
internal enum NeuralObjectiveKind
{
    /// <summary>InfoNCE, capped at log n_test.</summary>
    InfoNce,
    /// <summary>NWJ.</summary>
    Nwj,
    /// <summary>f-GAN JS training, reported as NWJ(S + 1).</summary>
    Js,
    /// <summary>Donsker–Varadhan.</summary>
    Dv,
    /// <summary>SMILE(τ): JS training, clipped DV report.</summary>
    Smile,
}
