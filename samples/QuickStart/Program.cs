using MutualInfo;

var random = new Random(1);
double[] x = new double[2000], y = new double[2000];
for (int i = 0; i < x.Length; i++) x[i] = random.NextDouble();
for (int i = 0; i < y.Length; i++) y[i] = x[i] + 0.2 * random.NextDouble() - 0.1;   // true I = 0.1 − ln 0.2 ≈ 1.709 nats
var result = MutualInformation.Estimate(x, y, seed: 1);
Console.WriteLine($"I(X;Y) = {result.Mi:0.000} nats, 95% CI [{result.Ci95Low:0.000}, {result.Ci95High:0.000}], {result.Reliability.Verdict}");
double[,] scores = { { 2.0, -1.0 }, { -0.5, 1.5 } };
Console.WriteLine($"InfoNCE of a 2×2 score matrix: {Bound.InfoNce(scores):0.000} nats (at most log 2)");
