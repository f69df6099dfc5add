namespace MutualInfo.Families;

/// <summary>
/// BMI's spiral diffeomorphism of R^d (Czyż et al. 2023): v ↦ R(θ) v with θ = speed · ‖v‖², R(θ) the rotation by θ
/// in the plane of coordinates <see cref="First"/> and <see cref="Second"/> (0-based; BMI's
/// <c>expm(speed·‖v‖²·A)</c> with A[i,j] = −1, A[j,i] = 1). A rotation keeps ‖v‖, so the inverse is the rotation by
/// −speed · ‖w‖² of the image w, and the Jacobian determinant is 1 (volume preserving).
/// </summary>
public sealed class SpiralMap
{
    /// <summary>Creates the map.</summary>
    /// <param name="dim">Dimension d of the vectors (≥ 2).</param>
    /// <param name="first">First coordinate of the rotation plane (0-based).</param>
    /// <param name="second">Second coordinate of the rotation plane (0-based, &gt; first).</param>
    /// <param name="speed">Angle per unit squared norm (finite).</param>
    public SpiralMap(int dim, int first, int second, double speed)
    {
        if (!(0 <= first && first < second && second < dim))
            throw new ArgumentOutOfRangeException(nameof(dim), $"spiral rotates coordinates {first + 1} and {second + 1}, which needs dimension ≥ {second + 1}, got {dim}");
        if (!double.IsFinite(speed)) throw new ArgumentOutOfRangeException(nameof(speed), $"spiral speed must be a finite number, got {SpecNumber.Format(speed)}");
        Dim = dim;
        First = first;
        Second = second;
        Speed = speed;
    }

    /// <summary>Dimension of the vectors.</summary>
    public int Dim { get; }

    /// <summary>First coordinate of the rotation plane (0-based).</summary>
    public int First { get; }

    /// <summary>Second coordinate of the rotation plane (0-based).</summary>
    public int Second { get; }

    /// <summary>Angle (radians) per unit of squared norm.</summary>
    public double Speed { get; }

    /// <summary>Maps every row of <paramref name="values"/> (row-major, <see cref="Dim"/> columns) in place.</summary>
    public void Forward(Span<double> values) => RotateRows(values, +1);

    /// <summary>Inverts every row of <paramref name="values"/> in place.</summary>
    public void Inverse(Span<double> values) => RotateRows(values, -1);

    private void RotateRows(Span<double> values, int direction)
    {
        for (int start = 0; start + Dim <= values.Length; start += Dim)
        {
            Span<double> row = values.Slice(start, Dim);
            double squaredNorm = 0;
            foreach (double v in row) squaredNorm += v * v;
            (double sin, double cos) = Math.SinCos(direction * Speed * squaredNorm);
            double a = row[First], b = row[Second];
            row[First] = cos * a - sin * b;
            row[Second] = sin * a + cos * b;
        }
    }
}
