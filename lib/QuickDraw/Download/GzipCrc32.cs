namespace QuickDraw.Download;

/// <summary>gzip's CRC-32 (IEEE, reflected polynomial 0xEDB88320), table-driven: the tarball check compares it
/// with the gzip trailer, which .NET's GZipStream does not verify when the file is cut inside the trailer.</summary>
internal static class GzipCrc32
{
    static readonly uint[] Table = Enumerable.Range(0, 256).Select(i =>
    {
        var c = (uint)i;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320 : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The CRC of (what gave <paramref name="crc"/>) followed by <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }
}
