using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Discrete;

/// <summary>
/// The plug-in estimator for discrete X, Y (and Z): I(X;Y|Z) = H(XZ) + H(YZ) − H(Z) − H(XYZ) from the observed cell
/// frequencies, each entropy with the Miller–Madow correction (m − 1)/2N (m = occupied cells), which removes the
/// first-order bias of the plug-in. With Z empty it is I(X;Y) = H(X) + H(Y) − H(XY). SE by the delete-one jackknife
/// (exact and cheap: a left-out row changes only its own cells' counts), CI = θ ± 1.96·SE.
/// </summary>
public sealed class PlugInEstimator : ICmiEstimator
{
    /// <inheritdoc />
    public string Name => "plug-in-mm";

    /// <inheritdoc />
    public int MinSamples(ConditionalSamples samples) => 3;

    /// <inheritdoc />
    public double PointEstimate(ConditionalSamples samples, ulong seed) => Tables.Of(samples).Estimate();

    /// <inheritdoc />
    public MiEstimate Estimate(ConditionalSamples samples, ulong seed)
    {
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireRows(samples, MinSamples(samples), Name);
        var tables = Tables.Of(samples);
        double mi = tables.Estimate();
        double se = tables.JackknifeStdError();
        var warnings = new List<string>();
        int cells = tables.JointCells;
        if (samples.Count < 5 * cells)
            warnings.Add($"{samples.Count} rows for {cells} occupied joint cells: fewer than 5 rows per cell, the plug-in's remaining bias may exceed the CI");
        return new MiEstimate(Name, mi, se, mi - MeanEstimate.Z95 * se, mi + MeanEstimate.Z95 * se, samples.Count, samples.X.Dim, samples.Y.Dim,
            null, null, warnings, "delete-one jackknife SE, CI = estimate ± 1.96·SE").WithCiNotBelowZero();
    }

    /// <summary>Cell counts of the four tables XYZ, XZ, YZ, Z, with each row's cell in each.</summary>
    private sealed class Tables
    {
        private readonly Counts _xyz, _xz, _yz, _z;
        private readonly int[] _cellXyz, _cellXz, _cellYz, _cellZ;
        private readonly int _n;

        private Tables(ConditionalSamples s)
        {
            _n = s.Count;
            _cellXyz = Strata.Of(s.X.Concat(s.Y).Concat(s.Z));
            _cellXz = Strata.Of(s.X.Concat(s.Z));
            _cellYz = Strata.Of(s.Y.Concat(s.Z));
            _cellZ = s.Z.Dim == 0 ? new int[_n] : Strata.Of(s.Z);
            (_xyz, _xz, _yz, _z) = (new(_cellXyz), new(_cellXz), new(_cellYz), new(_cellZ));
        }

        public static Tables Of(ConditionalSamples s) => new(s);

        public int JointCells => _xyz.Occupied;

        public double Estimate() => Combine(_xz.Entropy(_n), _yz.Entropy(_n), _z.Entropy(_n), _xyz.Entropy(_n));

        /// <summary>sqrt((n − 1)/n · Σᵢ (θ₋ᵢ − θ̄)²), grouping rows that share their joint cell (they give the same θ₋ᵢ).</summary>
        public double JackknifeStdError()
        {
            var firstRowOfCell = new Dictionary<int, int>();
            for (int i = 0; i < _n; i++) firstRowOfCell.TryAdd(_cellXyz[i], i);
            double sum = 0, sumSq = 0;
            foreach (var (cell, row) in firstRowOfCell)
            {
                double theta = Combine(_xz.EntropyWithout(_cellXz[row], _n), _yz.EntropyWithout(_cellYz[row], _n),
                    _z.EntropyWithout(_cellZ[row], _n), _xyz.EntropyWithout(cell, _n));
                int weight = _xyz.Of(cell);
                sum += weight * theta;
                sumSq += weight * theta * theta;
            }
            double mean = sum / _n;
            double ss = Math.Max(0, sumSq - _n * mean * mean);
            return Math.Sqrt((_n - 1.0) / _n * ss);
        }

        private static double Combine(double hxz, double hyz, double hz, double hxyz) => hxz + hyz - hz - hxyz;
    }

    /// <summary>Counts per cell with Σ c ln c, for Miller–Madow entropies of the full data and with one row left out.</summary>
    private sealed class Counts
    {
        private readonly int[] _count;
        private readonly double _sumCLogC;

        public Counts(int[] cells)
        {
            _count = new int[cells.Length == 0 ? 0 : cells.Max() + 1];
            foreach (int c in cells) _count[c]++;
            foreach (int c in _count) _sumCLogC += CLogC(c);
            Occupied = _count.Count(c => c > 0);
        }

        public int Occupied { get; }

        public int Of(int cell) => _count[cell];

        public double Entropy(int n) => MillerMadow(n, _sumCLogC, Occupied);

        public double EntropyWithout(int cell, int n)
        {
            int c = _count[cell];
            return MillerMadow(n - 1, _sumCLogC - CLogC(c) + CLogC(c - 1), c == 1 ? Occupied - 1 : Occupied);
        }

        private static double MillerMadow(int n, double sumCLogC, int occupied) => Math.Log(n) - sumCLogC / n + (occupied - 1) / (2.0 * n);

        private static double CLogC(int c) => c <= 1 ? 0 : c * Math.Log(c);
    }
}
