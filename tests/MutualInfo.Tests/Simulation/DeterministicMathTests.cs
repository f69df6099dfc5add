using CsCheck;
using MutualInfo.Numerics;

namespace MutualInfo.Tests.Simulation;

public class DeterministicMathTests
{
    private static long UlpDistance(double a, double b) =>
        Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    [Fact]
    public void Exp_is_within_two_ulp_of_the_libm_value_over_the_whole_range()
    {
        Gen.Double[-745, 709.7].Array[1, 50].Sample(values =>
        {
            var result = new double[values.Length];
            DeterministicMath.Exp(values, result);
            for (int i = 0; i < values.Length; i++)
            {
                double expected = Math.Exp(values[i]);
                if (expected < 1e-300) Assert.Equal(expected, result[i], expected * 1e-10 + 5e-324);
                else Assert.True(UlpDistance(expected, result[i]) <= 2, $"exp({values[i]:R}) = {result[i]:R}, libm {expected:R}");
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(-746.0, 0.0)]
    [InlineData(-1e308, 0.0)]
    [InlineData(710.0, double.PositiveInfinity)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(1.0, Math.E)]
    public void Exp_special_values(double x, double expected) => Assert.Equal(expected, DeterministicMath.Exp(x));

    [Fact]
    public void Exp_of_NaN_is_NaN() => Assert.True(double.IsNaN(DeterministicMath.Exp(double.NaN)));

    [Fact]
    public void Exp_subnormal_results_are_accurate()
    {
        foreach (double x in new[] { -709.0, -720.5, -740.0, -744.4 })
            Assert.Equal(Math.Exp(x), DeterministicMath.Exp(x), Math.Exp(x) * 1e-3);
    }

    [Fact]
    public void Each_element_depends_only_on_its_value_not_on_position_or_address()
    {
        Gen.Double[-50, 50].Array[1, 40].Sample(values =>
        {
            for (int offset = 0; offset < 5; offset++)
            {
                var input = new double[values.Length + offset];
                values.CopyTo(input, offset);
                var output = new double[values.Length + 3];
                DeterministicMath.Exp(input.AsSpan(offset), output.AsSpan(3));
                for (int i = 0; i < values.Length; i++) Assert.Equal(DeterministicMath.Exp(values[i]), output[3 + i]);
            }
        });
    }

    [Fact]
    public void AccumulateExp_adds_exactly_what_exp_of_the_difference_gives()
    {
        Gen.Double[-30, 30].Array[1, 40].Sample(values =>
        {
            var shift = values.Select((v, i) => v * 0.5 + i).ToArray();
            var sum = values.Select(v => Math.Abs(v)).ToArray();
            var expected = new double[values.Length];
            for (int i = 0; i < values.Length; i++) expected[i] = sum[i] + DeterministicMath.Exp(values[i] - shift[i]);
            DeterministicMath.AccumulateExp(values, shift, sum);
            Assert.Equal(expected, sum);
        });
    }

    [Fact]
    public void SumExp_equals_the_plain_sum_of_exponentials_clamped_or_not()
    {
        Gen.Select(Gen.Double[-40, 40].Array[0, 70], Gen.Double[-5, 5]).Sample((values, shift) =>
        {
            double plain = values.Sum(v => Math.Exp(v - shift));
            double clamped = values.Sum(v => Math.Exp(Math.Clamp(v, -3, 2) - shift));
            Assert.Equal(plain, DeterministicMath.SumExp(values, shift), 1e-13 * Math.Max(1, plain));
            Assert.Equal(clamped, DeterministicMath.SumExp(values, shift, -3, 2), 1e-13 * Math.Max(1, clamped));
        });
    }

    [Fact]
    public void SumExp_treats_minus_infinity_as_zero_density()
    {
        double[] values = [double.NegativeInfinity, 0, double.NegativeInfinity, 1, 2, double.NegativeInfinity, 0, 0, -1];
        Assert.Equal(values.Sum(v => Math.Exp(v)), DeterministicMath.SumExp(values, 0), 1e-14);
    }

    [Fact]
    public void ExpForSum_is_within_two_ulp_of_libm_over_the_normal_range_and_zero_below()
    {
        Gen.Double[-708, 709].Array[1, 50].Sample(values =>
        {
            foreach (double x in values)
            {
                double result = DeterministicMath.ExpForSum(x);
                Assert.True(UlpDistance(Math.Exp(x), result) <= 2, $"exp({x:R}) = {result:R}, libm {Math.Exp(x):R}");
            }
        }, iter: 2000);
        foreach (double x in new[] { -708.0001, -720.0, -745.2, -1e308, double.NegativeInfinity })
            Assert.Equal(0.0, DeterministicMath.ExpForSum(x));
        Assert.Equal(Math.Exp(-708.0), DeterministicMath.ExpForSum(-708.0), Math.Exp(-708.0) * 1e-15);
    }

    [Fact]
    public void SumExpForSum_equals_the_plain_sum_below_the_shift()
    {
        Gen.Double[-800, 0].Array[0, 70].Sample(values =>
        {
            double plain = values.Sum(v => Math.Exp(v));
            Assert.Equal(plain, DeterministicMath.SumExpForSum(values, 0), 1e-13 * Math.Max(1e-300, plain) + 1e-300);
        });
    }
}
