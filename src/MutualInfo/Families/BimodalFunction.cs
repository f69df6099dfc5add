using MutualInfo.Numerics;

namespace MutualInfo.Families;

/// <summary>
/// BMI's bimodal marginal (Czyż et al. 2023): a standard normal coordinate t is pushed to the mixture
/// Σ wₖ N(μₖ, 1) by s = F⁻¹(Φ(t)), F the mixture's distribution function. Strictly increasing; the inverse
/// t = Φ⁻¹(F(s)) is closed-form, the forward map is solved in log space inside the bracket
/// [t + min μ, t + max μ] (because Φ(s − max μ) ≤ F(s) ≤ Φ(s − min μ)). Upper-tail values work with the survival
/// functions, so neither side loses precision where Φ rounds to 1.
/// </summary>
internal sealed class BimodalFunction
{
    private readonly (double Weight, double Mean)[] _components;
    private readonly double _minMean;
    private readonly double _maxMean;

    private BimodalFunction(params (double Weight, double Mean)[] components)
    {
        _components = components;
        _minMean = components.Min(c => c.Mean);
        _maxMean = components.Max(c => c.Mean);
    }

    /// <summary>X of BMI's bimodal task: 0.3 N(0, 1) + 0.7 N(5, 1).</summary>
    public static BimodalFunction X { get; } = new((0.3, 0.0), (0.7, 5.0));

    /// <summary>Y of BMI's bimodal task: 0.5 N(−1, 1) + 0.5 N(3, 1).</summary>
    public static BimodalFunction Y { get; } = new((0.5, -1.0), (0.5, 3.0));

    public double Forward(double t)
    {
        if (!double.IsFinite(t)) return t;
        if (t <= 0)
        {
            double target = Math.Log(SpecialFunctions.NormalCdf(t));
            return MonotoneSolver.Solve(s => Math.Log(Cdf(s)) - target, s => Density(s) / Cdf(s), t + _minMean, t + _maxMean);
        }
        double upper = Math.Log(SpecialFunctions.NormalCdf(-t));
        return MonotoneSolver.Solve(s => upper - Math.Log(Survival(s)), s => Density(s) / Survival(s), t + _minMean, t + _maxMean);
    }

    public double Inverse(double s)
    {
        if (double.IsNaN(s)) return s;
        double cdf = Cdf(s);
        return cdf <= 0.5 ? SpecialFunctions.NormalQuantile(cdf) : -SpecialFunctions.NormalQuantile(Survival(s));
    }

    private double Cdf(double s) => _components.Sum(c => c.Weight * SpecialFunctions.NormalCdf(s - c.Mean));

    private double Survival(double s) => _components.Sum(c => c.Weight * SpecialFunctions.NormalCdf(c.Mean - s));

    private double Density(double s) =>
        _components.Sum(c => c.Weight * Math.Exp(-0.5 * (s - c.Mean) * (s - c.Mean))) / Math.Sqrt(2 * Math.PI);
}
