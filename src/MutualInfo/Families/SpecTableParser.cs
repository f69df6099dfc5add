namespace MutualInfo.Families;

/// <summary>
/// Reads the matrix syntax of <see cref="SpecTable"/>: rows separated by ';', entries by '/' or spaces,
/// e.g. <c>0.4/0.1;0.1/0.4</c> or (quoted) <c>"0.4 0.1; 0.1 0.4"</c>.
/// </summary>
internal static class SpecTableParser
{
    public static double[,] Parse(string text, string key)
    {
        string[] rows = text.Split(';');
        var cells = new List<string[]>();
        foreach (string row in rows)
        {
            string[] entries = row.Split(['/', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (entries.Length == 0) throw FamilySpec.Fail($"bad {key}: row {cells.Count + 1} is empty (rows are separated by ';', entries by '/')");
            if (cells.Count > 0 && entries.Length != cells[0].Length)
                throw FamilySpec.Fail($"bad {key}: row {cells.Count + 1} has {entries.Length} entries but row 1 has {cells[0].Length}");
            cells.Add(entries);
        }
        var table = new double[cells.Count, cells[0].Length];
        for (int r = 0; r < cells.Count; r++)
            for (int c = 0; c < cells[r].Length; c++)
            {
                if (!FamilySpec.TryParseNumber(cells[r][c], out table[r, c]))
                    throw FamilySpec.Fail($"bad {key}: entry '{cells[r][c]}' (row {r + 1}, column {c + 1}) is not a number");
            }
        return table;
    }
}
