using System.IO.Compression;
using System.Runtime.CompilerServices;
using QuickDraw.Common;

namespace QuickDraw.Drawings;

/// <summary>
/// Frames a class file (ndjson or .bin) into raw per-drawing items without parsing them, so parsing can run
/// on other threads. Framing problems (a line too long, a truncated .bin record) come back as skip reasons.
/// Extensions match in any case; <c>.ndjson.gz</c> is read through gzip; a UTF-8 byte-order mark before the first
/// line is dropped, and blank lines are passed over (they hold no drawing; line numbers still count them).
/// </summary>
public sealed class DrawingFile : IDisposable
{
    readonly LineReader? lines;
    readonly Stream? binary;
    readonly FileStream file;
    byte[] record = new byte[4096];
    long index;

    public DrawingFile(string path, int maxLineBytes = 4 << 20)
    {
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        Format = FormatOf(path);
        // LineReader buffers ndjson itself (a second buffer would only copy every byte once more); .bin is read
        // in small pieces, through the stream's buffer.
        Compressed = IsGzip(path);
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read,
            Format == DrawingFormat.Ndjson && !Compressed ? 0 : 1 << 16, FileOptions.SequentialScan);
        Length = file.Length;
        Stream stream = Compressed ? new GZipStream(file, CompressionMode.Decompress) : file;
        if (Format == DrawingFormat.Ndjson) lines = new LineReader(stream, maxLineBytes);
        else binary = stream;
    }

    /// <summary>The class files' extensions (matched in any case).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".ndjson", ".ndjson.gz", ".bin"];

    /// <summary>True when <paramref name="path"/> names a class file: <c>.ndjson</c>, <c>.ndjson.gz</c> or <c>.bin</c>, in any case.</summary>
    public static bool IsClassFile(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the file is read through gzip (<c>.gz</c>); <see cref="Length"/> and <see cref="BytesRead"/>
    /// count its compressed bytes.</summary>
    public bool Compressed { get; }

    public string Path { get; }
    public string Name { get; }
    public DrawingFormat Format { get; }
    public long Length { get; }
    public long BytesRead => disposedBytes ?? (Compressed ? file.Position : lines?.BytesRead ?? binary!.Position);
    long? disposedBytes;

    /// <summary>The class name a file stands for: its name without extension ("The Eiffel Tower"; "cat.ndjson.gz" → "cat").</summary>
    public static string ClassNameOf(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(IsGzip(path) ? path[..^3] : path);

    public static DrawingFormat FormatOf(string path) =>
        System.IO.Path.GetExtension(IsGzip(path) ? path[..^3] : path).Equals(".bin", StringComparison.OrdinalIgnoreCase) ? DrawingFormat.Binary : DrawingFormat.Ndjson;

    /// <summary>The next item: its bytes (valid until the next call), its 1-based line (ndjson) or record
    /// (.bin) number, and a framing problem if any. False at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out ReadOnlySpan<byte> bytes, out long number, out SkipReason? problem, out bool unterminated)
    {
        try { return NextItem(out bytes, out number, out problem, out unterminated); }
        catch (InvalidDataException e) when (Compressed)
        {
            throw new ActionableException($"not a valid gzip file ({e.Message.TrimEnd('.')})", Path,
                "download it again, or decompress it (gunzip) to see what is wrong");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool NextItem(out ReadOnlySpan<byte> bytes, out long number, out SkipReason? problem, out bool unterminated)
    {
        problem = null;
        unterminated = false;
        if (lines != null)
        {
            LineKind kind;
            do
            {
                if (!lines.Next(out bytes, out kind)) { number = lines.LineNumber; return false; }
                if (lines.LineNumber == 1 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..]; // a UTF-8 byte-order mark
            } while (kind != LineKind.TooLong && IsBlank(bytes));
            number = lines.LineNumber;
            if (kind == LineKind.TooLong) problem = SkipReason.LineTooLong;
            unterminated = kind == LineKind.Unterminated;
            return true;
        }
        int n = BinaryDrawingFormat.ReadRecord(binary!, ref record);
        number = ++index;
        if (n == 0) { bytes = default; number--; return false; }
        if (n < 0) { bytes = default; problem = SkipReason.CorruptBinary; binary!.Seek(0, SeekOrigin.End); return true; }
        bytes = record.AsSpan(0, n);
        return true;
    }

    // Empty, or only spaces, tabs and carriage returns.
    static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IsEmpty || (line[0] is (byte)' ' or (byte)'\t' or (byte)'\r' && line.IndexOfAnyExcept(" \t\r"u8) < 0);

    public void Dispose()
    {
        disposedBytes ??= BytesRead;
        lines?.Dispose();
        binary?.Dispose();
        file.Dispose();
    }
}
