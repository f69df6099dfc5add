namespace MutualInfo;

/// <summary>Turns the facade's array shapes into row-major buffers and checks them, naming the parameter.</summary>
internal static class InputMatrix
{
    /// <summary>Row-major copy of an n×d matrix; throws <see cref="ArgumentException"/> on an empty one.</summary>
    public static (double[] Values, int Rows, int Columns) FromRectangular(double[,] matrix, string parameter)
    {
        ArgumentNullException.ThrowIfNull(matrix, parameter);
        int rows = matrix.GetLength(0), columns = matrix.GetLength(1);
        if (rows == 0 || columns == 0) throw new ArgumentException($"{parameter} is empty ({rows}×{columns}); one row per observation and at least one column are needed", parameter);
        var values = new double[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int c = 0; c < columns; c++) values[i * columns + c] = matrix[i, c];
        return (values, rows, columns);
    }

    /// <summary>Row-major copy of jagged rows; throws when a row is missing or its length differs from the first.</summary>
    public static (double[] Values, int Rows, int Columns) FromJagged(double[][] rows, string parameter)
    {
        ArgumentNullException.ThrowIfNull(rows, parameter);
        if (rows.Length == 0) throw new ArgumentException($"{parameter} has no rows", parameter);
        int columns = rows[0]?.Length ?? 0;
        if (columns == 0) throw new ArgumentException($"{parameter}[0] has no values; every row needs at least one column", parameter);
        var values = new double[rows.Length * columns];
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] is not { } row) throw new ArgumentException($"{parameter}[{i}] is null", parameter);
            if (row.Length != columns) throw new ArgumentException($"{parameter}[{i}] has {row.Length} values, {parameter}[0] has {columns}: rows must have the same length", parameter);
            row.CopyTo(values, i * columns);
        }
        return (values, rows.Length, columns);
    }

    /// <summary>A one-column matrix.</summary>
    public static (double[] Values, int Rows, int Columns) FromColumn(double[] column, string parameter)
    {
        ArgumentNullException.ThrowIfNull(column, parameter);
        if (column.Length == 0) throw new ArgumentException($"{parameter} is empty", parameter);
        return ((double[])column.Clone(), column.Length, 1);
    }

    /// <summary>Throws on the first NaN or infinite value, naming its 0-based row and column.</summary>
    public static void RequireFinite(double[] values, int columns, string parameter)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{parameter}[{i / columns}, {i % columns}] is {values[i]}; every value must be finite", parameter);
    }

    /// <summary>Throws when a column holds a single repeated value: its MI with anything is 0 and it cannot be scaled.</summary>
    public static void RequireNonConstantColumns(double[] values, int columns, string parameter)
    {
        int rows = values.Length / columns;
        for (int c = 0; c < columns; c++)
        {
            double first = values[c];
            bool constant = true;
            for (int i = 1; i < rows && constant; i++) constant = values[i * columns + c] == first;
            if (constant) throw new ArgumentException($"column {c} of {parameter} is constant (every value is {first:R}); it carries no information", parameter);
        }
    }
}
