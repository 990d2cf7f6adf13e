using System.Runtime.CompilerServices;

namespace QuickDraw.Drawings;

/// <summary>
/// Splits a byte stream into lines without decoding them. Memory stays bounded: a line over
/// <c>maxLineBytes</c> is reported as <see cref="LineKind.TooLong"/> and skipped, never buffered whole.
/// </summary>
public sealed class LineReader : IDisposable
{
    readonly Stream stream;
    readonly bool leaveOpen;
    readonly int maxLineBytes;
    byte[] buffer;
    int start, end;
    bool eof;

    public LineReader(Stream stream, int maxLineBytes = 4 << 20, bool leaveOpen = false)
    {
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        this.maxLineBytes = maxLineBytes;
        buffer = new byte[Math.Min(1 << 16, maxLineBytes + 1)];
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }
    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The next line (without '\n' or a trailing '\r'); false at the end of the stream.
    /// The span is valid until the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out ReadOnlySpan<byte> line, out LineKind kind)
    {
        bool discarding = false;
        int scanFrom = start;
        while (true)
        {
            int nl = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                int lineEnd = scanFrom + nl;
                LineNumber++;
                if (discarding || lineEnd - start > maxLineBytes)
                {
                    line = default;
                    kind = LineKind.TooLong;
                }
                else
                {
                    line = TrimCr(buffer.AsSpan(start, lineEnd - start));
                    kind = LineKind.Complete;
                }
                start = lineEnd + 1;
                return true;
            }
            if (eof)
            {
                if (start == end && !discarding) { line = default; kind = default; return false; }
                LineNumber++;
                line = discarding ? default : TrimCr(buffer.AsSpan(start, end - start));
                kind = discarding ? LineKind.TooLong : LineKind.Unterminated;
                start = end;
                return true;
            }
            if (end - start > maxLineBytes)
            {
                discarding = true; // drop what we have, keep scanning for the newline
                start = end = 0;
            }
            scanFrom = Fill(ref start);
        }
    }

    // Moves the pending bytes to the front (growing the buffer if it is full) and reads more.
    // Returns where scanning for '\n' should resume.
    int Fill(ref int lineStart)
    {
        int pending = end - lineStart;
        if (lineStart > 0) { Buffer.BlockCopy(buffer, lineStart, buffer, 0, pending); }
        else if (pending == buffer.Length) Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxLineBytes + 1 + (1 << 16)));
        lineStart = 0;
        end = pending;
        int n = stream.Read(buffer, end, buffer.Length - end);
        if (n == 0) eof = true;
        end += n;
        BytesRead += n;
        return pending;
    }

    static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> s) => s.Length > 0 && s[^1] == '\r' ? s[..^1] : s;

    public void Dispose()
    {
        if (!leaveOpen) stream.Dispose();
    }
}
