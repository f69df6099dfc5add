using System.Buffers.Binary;
using System.Text;

namespace MutualInfo.Neural.Native;

/// <summary>
/// Reads and patches the symbol-version requirements (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF shared
/// library. The one patch it makes marks a requirement <em>weak</em> (VER_FLG_WEAK) when no relocation refers to a
/// symbol of that version: the dynamic loader then only warns when the version is missing instead of refusing the
/// library, and since no symbol of that version is ever looked up, nothing else changes.
/// </summary>
/// <remarks>
/// This exists for one case: TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13) only through the
/// marker symbol <c>_ZSt21ios_base_library_initv</c>, which no relocation uses, so Debian 12 (GLIBCXX_3.4.30)
/// refuses a library that would run fine.
/// </remarks>
internal static class ElfVersionNeeds
{
    private const uint ShtRela = 4, ShtRel = 9, ShtDynamic = 6;
    private const uint ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlagWeak = 0x2;
    private const int SectionHeaderSize = 64;

    /// <summary>One required symbol version: the library that must define it, its name, whether it is weak.</summary>
    /// <param name="File">The library that must define the version (e.g. libstdc++.so.6).</param>
    /// <param name="Version">The version name (e.g. GLIBCXX_3.4.32).</param>
    /// <param name="Index">The version index that symbols refer to through <c>.gnu.version</c>.</param>
    /// <param name="IsWeak">Whether a missing version is only a warning.</param>
    /// <param name="IsUsedByRelocation">Whether any relocation refers to a symbol bound to this version.</param>
    /// <param name="FlagsOffset">File offset of the entry's flags field.</param>
    public sealed record Requirement(string File, string Version, int Index, bool IsWeak, bool IsUsedByRelocation, int FlagsOffset);

    /// <summary>Whether <paramref name="image"/> is a 64-bit little-endian ELF file (the only kind this reads).</summary>
    public static bool IsElf64LittleEndian(ReadOnlySpan<byte> image) =>
        image.Length > 0x40 && image[0] == 0x7f && image[1] == (byte)'E' && image[2] == (byte)'L' && image[3] == (byte)'F'
        && image[4] == 2 && image[5] == 1;

    /// <summary>Every symbol-version requirement of the library, with whether a relocation depends on it.</summary>
    public static IReadOnlyList<Requirement> ReadRequirements(ReadOnlySpan<byte> image)
    {
        if (!IsElf64LittleEndian(image)) return [];
        var sections = ReadSections(image);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (verneed is null || versym is null) return [];
        var usedIndices = VersionIndicesUsedByRelocations(image, sections, versym);
        var strings = sections[(int)verneed.Link];
        var result = new List<Requirement>();
        int entry = (int)verneed.Offset;
        for (int i = 0; i < verneed.Info; i++)
        {
            int count = U16(image, entry + 2);
            string file = CString(image, strings.Offset + U32(image, entry + 4));
            int aux = entry + (int)U32(image, entry + 8);
            for (int k = 0; k < count; k++)
            {
                ushort flags = U16(image, aux + 4);
                int index = U16(image, aux + 6) & 0x7fff;
                string name = CString(image, strings.Offset + U32(image, aux + 8));
                result.Add(new Requirement(file, name, index, (flags & VerFlagWeak) != 0, usedIndices.Contains(index), aux + 4));
                aux += (int)U32(image, aux + 12);
            }
            entry += (int)U32(image, entry + 12);
        }
        return result;
    }

    /// <summary>
    /// Marks weak every strong requirement that no relocation uses, in place. Returns the versions it weakened
    /// (empty: nothing to do, the image is unchanged).
    /// </summary>
    public static IReadOnlyList<string> WeakenUnusedRequirements(Span<byte> image)
    {
        var weakened = new List<string>();
        foreach (var requirement in ReadRequirements(image))
        {
            if (requirement.IsWeak || requirement.IsUsedByRelocation) continue;
            ushort flags = U16(image, requirement.FlagsOffset);
            BinaryPrimitives.WriteUInt16LittleEndian(image[requirement.FlagsOffset..], (ushort)(flags | VerFlagWeak));
            weakened.Add(requirement.Version);
        }
        return weakened;
    }

    /// <summary>The DT_NEEDED entries (library names the loader must find) of the library.</summary>
    public static IReadOnlyList<string> ReadNeededLibraries(ReadOnlySpan<byte> image)
    {
        if (!IsElf64LittleEndian(image)) return [];
        var sections = ReadSections(image);
        var dynamic = sections.FirstOrDefault(s => s.Type == ShtDynamic);
        if (dynamic is null) return [];
        var strings = sections[(int)dynamic.Link];
        var needed = new List<string>();
        for (long at = dynamic.Offset; at + 16 <= dynamic.Offset + dynamic.Size; at += 16)
        {
            ulong tag = U64(image, (int)at);
            if (tag == 0) break;
            if (tag == 1) needed.Add(CString(image, strings.Offset + (long)U64(image, (int)at + 8)));
        }
        return needed;
    }

    private sealed record Section(uint Type, long Offset, long Size, uint Link, uint Info, long EntrySize);

    private static List<Section> ReadSections(ReadOnlySpan<byte> image)
    {
        long tableOffset = (long)U64(image, 0x28);
        int count = U16(image, 0x3c);
        var sections = new List<Section>(count);
        for (int i = 0; i < count; i++)
        {
            int at = checked((int)(tableOffset + i * SectionHeaderSize));
            sections.Add(new Section(U32(image, at + 4), (long)U64(image, at + 24), (long)U64(image, at + 32),
                U32(image, at + 40), U32(image, at + 44), (long)U64(image, at + 56)));
        }
        return sections;
    }

    private static HashSet<int> VersionIndicesUsedByRelocations(ReadOnlySpan<byte> image, List<Section> sections, Section versym)
    {
        var used = new HashSet<int>();
        foreach (var section in sections.Where(s => s.Type is ShtRela or ShtRel))
        {
            long entrySize = section.EntrySize > 0 ? section.EntrySize : section.Type == ShtRela ? 24 : 16;
            for (long at = section.Offset; at + entrySize <= section.Offset + section.Size; at += entrySize)
            {
                long symbol = (long)(U64(image, (int)at + 8) >> 32);
                if (symbol == 0) continue;
                long versymAt = versym.Offset + 2 * symbol;
                if (versymAt + 2 <= versym.Offset + versym.Size) used.Add(U16(image, (int)versymAt) & 0x7fff);
            }
        }
        return used;
    }

    private static ushort U16(ReadOnlySpan<byte> image, int at) => BinaryPrimitives.ReadUInt16LittleEndian(image[at..]);

    private static uint U32(ReadOnlySpan<byte> image, int at) => BinaryPrimitives.ReadUInt32LittleEndian(image[at..]);

    private static ulong U64(ReadOnlySpan<byte> image, int at) => BinaryPrimitives.ReadUInt64LittleEndian(image[at..]);

    private static string CString(ReadOnlySpan<byte> image, long at)
    {
        var tail = image[checked((int)at)..];
        int end = tail.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? tail : tail[..end]);
    }
}
