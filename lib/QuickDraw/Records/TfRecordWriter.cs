using System.Buffers.Binary;

namespace QuickDraw.Records;

/// <summary>
/// Writes records in TFRecord framing: <c>u64 length | u32 masked CRC of those 8 bytes | data | u32 masked CRC of
/// data</c>, little-endian. Not thread-safe.
/// </summary>
public sealed class TfRecordWriter : IDisposable
{
    /// <summary>Bytes of framing around each record: 8 length + 4 length CRC + 4 data CRC.</summary>
    public const int FrameOverhead = 16;

    readonly Stream stream;
    readonly bool leaveOpen;
    bool disposed;

    /// <summary>Writes to <paramref name="stream"/>; disposes it on <see cref="Dispose"/> unless
    /// <paramref name="leaveOpen"/>.</summary>
    public TfRecordWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("The stream must be writable.", nameof(stream));
        this.stream = stream;
        this.leaveOpen = leaveOpen;
    }

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>, buffered.</summary>
    public static TfRecordWriter Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16));

    /// <summary>Total bytes written so far, framing included.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Records written so far.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Appends one record (which may be empty).</summary>
    public void Write(ReadOnlySpan<byte> record)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.ComputeMasked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.ComputeMasked(record));

        stream.Write(header);
        stream.Write(record);
        stream.Write(footer);
        BytesWritten += FrameOverhead + record.Length;
        RecordsWritten++;
    }

    /// <summary>Flushes buffered bytes to the underlying stream.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        stream.Flush();
    }

    /// <summary>Flushes, then disposes the stream unless it was opened with leaveOpen.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        stream.Flush();
        if (!leaveOpen) stream.Dispose();
    }
}
