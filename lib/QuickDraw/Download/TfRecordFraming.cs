using System.Buffers.Binary;

namespace QuickDraw.Download;

/// <summary>A minimal TFRecord framing check for verifying the tutorial's tarball, standing in until the records
/// stage's reader (<c>QuickDraw.Records.TfRecordReader.CountRecords</c>) is merged; then
/// <see cref="QuickDrawDownloader.DownloadTutorialAsync"/> should default to that instead.
/// Framing, little-endian: <c>u64 length | u32 masked_crc32c(length) | data | u32 masked_crc32c(data)</c>.</summary>
public static class TfRecordFraming
{
    /// <summary>Counts the records of a TFRecord file, checking both CRCs of each; throws
    /// <see cref="InvalidDataException"/> naming the file and the byte offset of the first bad record.</summary>
    public static long CountRecords(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> header = stackalloc byte[12];
        Span<byte> footer = stackalloc byte[4];
        var buffer = new byte[1 << 16];
        long records = 0;
        while (true)
        {
            var offset = file.Position;
            var got = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (got == 0) return records;
            if (got < header.Length) throw Bad(path, offset, $"a truncated record header ({got} of 12 bytes)");
            var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (Mask(Crc32Table.Castagnoli.Compute(header[..8])) != BinaryPrimitives.ReadUInt32LittleEndian(header[8..]))
                throw Bad(path, offset, "a bad length CRC");
            if (length > (ulong)(file.Length - file.Position))
                throw Bad(path, offset, $"a record of {length} bytes running past the end of the file");
            var crc = 0u;
            for (var left = (long)length; left > 0;)
            {
                var n = file.Read(buffer, 0, (int)Math.Min(left, buffer.Length));
                if (n == 0) throw Bad(path, offset, "a truncated record");
                crc = Crc32Table.Castagnoli.Append(crc, buffer.AsSpan(0, n));
                left -= n;
            }
            if (file.ReadAtLeast(footer, 4, throwOnEndOfStream: false) < 4) throw Bad(path, offset, "a truncated record footer");
            if (Mask(crc) != BinaryPrimitives.ReadUInt32LittleEndian(footer)) throw Bad(path, offset, "a bad data CRC");
            records++;
        }
    }

    /// <summary>TFRecord's CRC mask: rotate right by 15, add 0xa282ead8 (32-bit).</summary>
    public static uint Mask(uint crc) => unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8);

    static InvalidDataException Bad(string path, long offset, string what) =>
        new($"{path}: {what} in the record at byte {offset}");
}

/// <summary>Table-driven reflected CRC-32 in software: Castagnoli (CRC-32C, TFRecord) and IEEE (gzip's trailer).</summary>
internal sealed class Crc32Table
{
    public static Crc32Table Castagnoli { get; } = new(0x82F63B78);
    public static Crc32Table Ieee { get; } = new(0xEDB88320);

    readonly uint[] table = new uint[256];

    Crc32Table(uint reflectedPolynomial)
    {
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ reflectedPolynomial : c >> 1;
            table[i] = c;
        }
    }

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>The CRC of (what gave <paramref name="crc"/>) followed by <paramref name="data"/>.</summary>
    public uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        foreach (var b in data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }
}
