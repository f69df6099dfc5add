using CsCheck;
using MutualInfo.Numerics;

namespace MutualInfo.Tests.Simulation;

public class OrderedSumTests
{
    [Fact]
    public void Sum_does_not_depend_on_where_the_values_sit_in_memory()
    {
        Gen.Double[-1e6, 1e6].Array[1, 300].Sample(values =>
        {
            double reference = OrderedSum.Sum(values), squares = OrderedSum.SumOfSquares(values);
            for (int offset = 1; offset < 8; offset++)
            {
                var shifted = new double[values.Length + offset];
                values.CopyTo(shifted, offset);
                Assert.Equal(reference, OrderedSum.Sum(shifted.AsSpan(offset)));
                Assert.Equal(squares, OrderedSum.SumOfSquares(shifted.AsSpan(offset)));
            }
            Assert.Equal(values.Sum(), reference, 1e-9 * values.Sum(Math.Abs));
            Assert.Equal(values.Sum(v => v * v), squares, 1e-12 * values.Sum(v => v * v));
        });
    }
}
