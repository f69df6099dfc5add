using MutualInfo.Families;

namespace MutualInfo.Simulation;

/// <summary>
/// Where an independent-negative trial with conditional positives writes its values: first the plain layout
/// (<c>size * bounds + bound</c>, then the positive's exact log r), then the conditional values
/// (<see cref="ConditionalSlot"/>), then per batch size the controls (<see cref="ControlSlot"/>), each of mean 0:
/// [0] the mean exact log r of the fresh positives minus I; [1..Y] the family's functions of y; then the maximum's
/// block: with M the largest of the n − 1 negatives' exact log r and G its conditional distribution function given y,
/// G(M)^{n−1} is uniform on (0, 1), so its Legendre polynomials P_1..P_3 have mean 0 (bounded), as have their products
/// P_1, P_2 with the Y functions of y; then the order statistics' block of <see cref="OrderStatisticControls"/>; then for each moment
/// exponent α the negatives' moment control Σ_k r_k^α / ((n − 1) E[r^α | y]) − 1 followed by its products with the
/// Y functions of y (mean 0 too, as the moment control has conditional mean 0 given y).
/// </summary>
internal sealed class ConditionalLayout
{
    private readonly int _bounds, _sizes;

    private ConditionalLayout(int bounds, int sizes, int yControls, IReadOnlyList<double> exponents)
    {
        _bounds = bounds;
        _sizes = sizes;
        YControls = yControls;
        Exponents = exponents;
        ControlsPerSize = 1 + yControls + MaxControls + OrderControls + exponents.Count * (1 + yControls);
    }

    /// <summary>Legendre polynomials of the uniform transform of the negatives' maximum.</summary>
    public const int MaxPolynomials = 3;

    /// <summary>Of those, how many are also multiplied by each function of y.</summary>
    public const int MaxInteractions = 2;

    /// <summary>Controls of the maximum's block.</summary>
    public int MaxControls => MaxPolynomials + MaxInteractions * YControls;

    /// <summary>The first control of the maximum's block.</summary>
    public int MaxBlockStart => 1 + YControls;

    /// <summary>Controls of the order statistics' block.</summary>
    public int OrderControls => OrderStatisticControls.Count(YControls);

    /// <summary>The first control of the order statistics' block.</summary>
    public int OrderBlockStart => MaxBlockStart + MaxControls;

    /// <summary>Number of functions of y.</summary>
    public int YControls { get; }

    /// <summary>The moment exponents α, in the order of their control blocks.</summary>
    public IReadOnlyList<double> Exponents { get; }

    /// <summary>The first control of exponent α's block (its moment control; its products with the functions of y follow).</summary>
    public int MomentBlockStart(int exponent) => OrderBlockStart + OrderControls + exponent * (1 + YControls);

    /// <summary>The layout, or null when the family cannot sample conditional positives or none are asked for.</summary>
    public static ConditionalLayout? For(IKnownMiFamily family, int bounds, int sizes, int conditionalPositives)
    {
        if (conditionalPositives <= 0 || family is not IConditionalSamplingFamily conditional) return null;
        return new ConditionalLayout(bounds, sizes, conditional.YControlCount, NegativeMomentSums.Exponents);
    }

    /// <summary>Controls written per batch size.</summary>
    public int ControlsPerSize { get; }

    /// <summary>The slot of the positive's exact log r (the plain control).</summary>
    public int PlainControlSlot => _bounds * _sizes;

    /// <summary>The slot of the conditional value of one bound at one batch size.</summary>
    public int ConditionalSlot(int size, int bound) => PlainControlSlot + 1 + size * _bounds + bound;

    /// <summary>The slot of one control at one batch size.</summary>
    public int ControlSlot(int size, int control) => PlainControlSlot + 1 + _sizes * _bounds + size * ControlsPerSize + control;

    /// <summary>All slots of a trial.</summary>
    public int TotalSlots => ControlSlot(_sizes, 0);
}
