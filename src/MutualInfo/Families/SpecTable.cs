namespace MutualInfo.Families;

/// <summary>
/// The matrix syntax of family specifications: rows separated by ';', entries by '/', e.g. <c>0.4/0.1;0.1/0.4</c>.
/// Neither character clashes with the ',' between keys; quote the specification on a shell command line (';').
/// </summary>
internal static class SpecTable
{
    public static string Format(double[,] table)
    {
        var rows = new string[table.GetLength(0)];
        for (int r = 0; r < rows.Length; r++)
        {
            var cells = new string[table.GetLength(1)];
            for (int c = 0; c < cells.Length; c++) cells[c] = SpecNumber.Format(table[r, c]);
            rows[r] = string.Join('/', cells);
        }
        return string.Join(';', rows);
    }
}
