using System.Buffers.Binary;

namespace QuickDraw.TfRecord;

/// <summary>
/// Reads records in TFRecord framing (see <see cref="TfRecordWriter"/>), checking each frame. Any damage throws
/// <see cref="TfRecordCorruptException"/> naming the file and the bad record's byte offset; a clean end of file
/// at a record boundary just ends the sequence. Not thread-safe.
/// </summary>
public sealed class TfRecordReader : IDisposable
{
    /// <summary>Longest record accepted (256 MiB); a longer length field means a damaged or foreign file.</summary>
    public const int MaxRecordLength = 256 << 20;

    const int HeaderLength = 12;
    const int FooterLength = 4;

    readonly Stream stream;
    readonly string name;
    readonly bool leaveOpen;
    readonly bool verifyCrc;
    byte[] buffer = new byte[4096];
    bool disposed;

    /// <summary>Reads from <paramref name="stream"/>. <paramref name="name"/> is used in error messages.
    /// With <paramref name="verifyCrc"/> false, data CRCs are not checked (length CRCs always are).</summary>
    public TfRecordReader(Stream stream, string name, bool leaveOpen = false, bool verifyCrc = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        if (!stream.CanRead) throw new ArgumentException("The stream must be readable.", nameof(stream));
        this.stream = stream;
        this.name = name;
        this.leaveOpen = leaveOpen;
        this.verifyCrc = verifyCrc;
        Offset = stream.CanSeek ? stream.Position : 0;
    }

    /// <summary>Opens the file at <paramref name="path"/> for sequential, buffered reading.</summary>
    public static TfRecordReader Open(string path, bool verifyCrc = true) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16,
            FileOptions.SequentialScan), path, leaveOpen: false, verifyCrc);

    /// <summary>Reads the whole file, verifying every CRC, and returns how many records it holds.</summary>
    public static long CountRecords(string path)
    {
        using var reader = Open(path, verifyCrc: true);
        while (reader.TryRead(out _)) { }
        return reader.RecordsRead;
    }

    /// <summary>The name given at construction (the path, for <see cref="Open"/>).</summary>
    public string Name => name;

    /// <summary>Byte offset of the next record's frame (from the stream's start when it is seekable, else from
    /// where reading began).</summary>
    public long Offset { get; private set; }

    /// <summary>Records read so far.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>
    /// Reads the next record. Returns false at a clean end of file. <paramref name="record"/> points into a buffer
    /// that this reader reuses: it is valid only until the next call (copy it to keep it).
    /// </summary>
    public bool TryRead(out ReadOnlyMemory<byte> record)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        record = default;
        long start = Offset;

        Span<byte> header = stackalloc byte[HeaderLength];
        int got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got == 0) return false;
        if (got < HeaderLength)
            throw Corrupt(start, $"file ends mid-record ({got} of {HeaderLength} header bytes)");

        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(header);
        uint storedLengthCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (Crc32C.ComputeMasked(header[..8]) != storedLengthCrc) throw Corrupt(start, "length CRC mismatch");
        if (length > MaxRecordLength)
            throw Corrupt(start, $"record length {length} exceeds the {MaxRecordLength >> 20} MiB limit");

        // Data and its CRC arrive in one read: (length bytes | 4 CRC bytes).
        int dataLength = (int)length;
        int frameRest = dataLength + FooterLength;
        if (buffer.Length < frameRest) buffer = new byte[Math.Max(frameRest, Math.Min(2 * buffer.Length, MaxRecordLength + FooterLength))];
        got = stream.ReadAtLeast(buffer.AsSpan(0, frameRest), frameRest, throwOnEndOfStream: false);
        if (got < frameRest)
            throw Corrupt(start, $"file ends mid-record ({got} of {frameRest} data and CRC bytes)");

        var data = buffer.AsSpan(0, dataLength);
        if (verifyCrc)
        {
            uint storedDataCrc = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(dataLength, FooterLength));
            if (Crc32C.ComputeMasked(data) != storedDataCrc) throw Corrupt(start, "data CRC mismatch");
        }

        Offset = start + HeaderLength + frameRest;
        RecordsRead++;
        record = buffer.AsMemory(0, dataLength);
        return true;
    }

    /// <summary>The remaining records, each copied into its own array.</summary>
    public IEnumerable<byte[]> ReadAll()
    {
        while (TryRead(out var record)) yield return record.ToArray();
    }

    /// <summary>Disposes the stream unless it was opened with leaveOpen.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (!leaveOpen) stream.Dispose();
    }

    TfRecordCorruptException Corrupt(long offset, string reason) => new(name, offset, reason);
}
