namespace MutualInfo.Estimators.Neighbours;

/// <summary>Small geometric helpers shared by the KSG neighbourhood implementations.</summary>
internal static class KsgGeometry
{
    /// <summary>
    /// The inclusive radius equivalent to "strictly less than ε": the next double below ε (scikit-learn's
    /// nextafter(ε, 0)); 0 stays 0, so exact duplicates of the point still count, as in scikit-learn.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double StrictRadius(double epsilon) => epsilon > 0 ? Math.BitDecrement(epsilon) : 0;

    public static double MaxNormDistance(double[] v, int dim, int i, int j)
    {
        double dist = 0;
        for (int d = 0; d < dim; d++) dist = Math.Max(dist, Math.Abs(v[j * dim + d] - v[i * dim + d]));
        return dist;
    }

    /// <summary>Row-major joint rows (x_i, y_i).</summary>
    public static double[] Interleave(double[] x, double[] y, int dimX, int dimY)
    {
        int d = dimX + dimY, n = x.Length / dimX;
        var joint = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            x.AsSpan(i * dimX, dimX).CopyTo(joint.AsSpan(i * d));
            y.AsSpan(i * dimY, dimY).CopyTo(joint.AsSpan(i * d + dimX));
        }
        return joint;
    }
}
