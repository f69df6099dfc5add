using MutualInfo.Benchmarking;
using MutualInfo.Cli.Bench;

namespace MutualInfo.Cli.Tests;

public class BenchCsvTests
{
    [Fact]
    public void Specs_with_commas_are_quoted_and_missing_numbers_are_empty()
    {
        var cell = new BenchResult(new BenchCellKey("1v1-normal-0.75", "ksg:k=5,variant=2", 100, 3), 0.5, 0.25, double.NaN, double.NaN, double.NaN, 1.5);
        string[] lines = BenchCsv.Format([cell]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("task,estimator,samples,seed,mi,truth,bias,std_error,ci95_low,ci95_high,seconds,log_ratio,ci_covers,reliability", lines[0]);
        Assert.Equal("1v1-normal-0.75,\"ksg:k=5,variant=2\",100,3,0.5,0.25,0.25,,,,1.5,0.6931471805599453,,", lines[1]);
        var judged = cell with { Ci95Low = 0.4, Ci95High = 0.6, Reliability = "ok" };
        Assert.EndsWith(",false,ok", BenchCsv.Format([judged]).Split('\n')[1]);
    }

    [Fact]
    public void Bias_figure_sits_beside_the_heatmap() =>
        Assert.Equal(Path.Combine("out", "b-bias.svg"), BenchBiasPlot.PathBeside(Path.Combine("out", "b.svg")));
}
