using System.Globalization;

namespace MutualInfo.Families;

/// <summary>The <c>key=value,key=value</c> list of one family specification, with checked typed access.</summary>
internal sealed class SpecKeys
{
    private readonly string _family;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public SpecKeys(string family, string text)
    {
        _family = family;
        if (text.Trim().Length == 0) return;
        foreach (string item in text.Split(','))
        {
            int eq = item.IndexOf('=');
            if (eq <= 0) throw FamilySpec.Fail($"expected key=value in {family}, got '{item.Trim()}'");
            string key = item[..eq].Trim(), value = item[(eq + 1)..].Trim();
            if (!_values.TryAdd(key, value)) throw FamilySpec.Fail($"key '{key}' is given twice in {family}");
        }
    }

    /// <summary>Throws on any key not in <paramref name="known"/>.</summary>
    public void Allow(params string[] known)
    {
        foreach (string key in _values.Keys)
            if (!known.Contains(key)) throw FamilySpec.Fail($"unknown key '{key}' for {_family}; known keys: {string.Join(", ", known)}");
    }

    /// <summary>Throws if <paramref name="key"/> is present alongside <paramref name="because"/>.</summary>
    public void Forbid(string key, string because)
    {
        if (Has(key)) throw FamilySpec.Fail($"key '{key}' does not apply to {_family} with {because}");
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string Text(string key) =>
        _values.TryGetValue(key, out string? value) ? value : throw FamilySpec.Fail($"{_family} needs the key '{key}'");

    public double Number(string key)
    {
        string text = Text(key);
        return FamilySpec.TryParseNumber(text, out double value) ? value : throw FamilySpec.Fail($"{key} must be a number, got '{text}'");
    }

    public int Integer(string key)
    {
        string text = Text(key);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw FamilySpec.Fail($"{key} must be an integer, got '{text}'");
    }
}
