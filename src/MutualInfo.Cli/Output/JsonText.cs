using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MutualInfo.Cli.Output;

/// <summary>The CLI's JSON documents as text: indented, UTF-8, with a final newline.</summary>
internal static class JsonText
{
    /// <summary>
    /// The document <paramref name="write"/> writes. <paramref name="relaxedEscaping"/> keeps non-ASCII text (column
    /// names, the method's formulas) readable instead of \u-escaped; the output is a file or stdout, never HTML.
    /// </summary>
    public static string Indented(Action<Utf8JsonWriter> write, bool relaxedEscaping = false)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = relaxedEscaping ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null };
        using (var w = new Utf8JsonWriter(buffer, options)) write(w);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
