namespace QuickDraw.Download;

/// <summary>Fetches only the first N drawings of an ndjson file (<c>--max-per-class N</c>): streams it, counts
/// newline-terminated lines and stops after the Nth, so the file ends on a complete line. The tutorial reads only
/// the first 11,000 drawings per class: ≈1.5 GB instead of ≈23 GB. Resumable like a whole file: the
/// <c>.part</c> is cut back to its last complete line and fetched on from there with Range.</summary>
internal static class FirstDrawingsTransfer
{
    const int BufferSize = 1 << 16;

    public static Task<MaxPerClassMarker> FetchAsync(ResilientHttp http, Uri url, string target, int maxDrawings,
        FileReporter report, CancellationToken ct)
    {
        if (maxDrawings < 1) throw new ArgumentOutOfRangeException(nameof(maxDrawings), maxDrawings, "must be at least 1");
        var part = target + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        return http.WithRetriesAsync(url, async (attempt, t) =>
        {
            var (have, lines) = TrimToCompleteLines(part, maxDrawings);
            if (lines == maxDrawings) return Finish(url, part, target, maxDrawings, lines, have, false, report);
            if (attempt == 1) report.Started(lines);

            using var guard = http.Guard(t);
            using var response = await RangedResponse.OpenAsync(http, url, have, guard);
            if (response.Body is null) // 416: the partial already holds the whole (short) source
            {
                if (response.Total == have) return Finish(url, part, target, maxDrawings, lines, have, true, report);
                File.Delete(part);
                throw new HttpRequestException($"range bytes={have}- not satisfiable; discarding the partial file");
            }
            if (response.Start == 0 && have > 0)
            {
                report.Notice(0, RangedResponse.RangeIgnored(url, have));
                (have, lines) = (0, 0);
            }

            var reachedN = false;
            var endsWithNewline = true;
            try
            {
                await using var file = new FileStream(part, have == 0 ? FileMode.Create : FileMode.Append,
                    FileAccess.Write, FileShare.Read, BufferSize);
                var buffer = new byte[BufferSize];
                int read;
                while (!reachedN && (read = await guard.RunAsync(g => response.Body.ReadAsync(buffer, g).AsTask())) > 0)
                {
                    var keep = read;
                    var span = buffer.AsSpan(0, read);
                    for (int at = 0, nl; (nl = span[at..].IndexOf((byte)'\n')) >= 0; at += nl + 1)
                        if (++lines == maxDrawings)
                        {
                            keep = at + nl + 1;
                            reachedN = true;
                            break;
                        }
                    await file.WriteAsync(buffer.AsMemory(0, keep), t);
                    have += keep;
                    endsWithNewline = buffer[keep - 1] == (byte)'\n';
                    report.Advanced(lines);
                }
                await file.FlushAsync(t);
                file.Flush(flushToDisk: true);
            }
            catch (IOException io) when (DownloadException.IsDiskFull(io))
            {
                throw DiskSpace.Full(target, BufferSize, io);
            }

            if (reachedN) return Finish(url, part, target, maxDrawings, lines, have, false, report);
            if (response.Total is long want && have < want)
                throw new IOException($"connection closed after {have} of {want} bytes");
            // The whole source was read and holds fewer than N drawings; a last line without '\n' is complete too.
            if (!endsWithNewline) lines++;
            return Finish(url, part, target, maxDrawings, lines, have, true, report);
        }, report.Notice, ct);
    }

    /// <summary>Cuts a partial file back to its last complete line (or to its Nth line when it holds more, as a
    /// partial left by a whole-file download may); returns its length and line count. (0, 0) when absent.</summary>
    internal static (long Length, long Lines) TrimToCompleteLines(string path, long maxLines)
    {
        if (!File.Exists(path)) return (0, 0);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, BufferSize);
        var buffer = new byte[BufferSize];
        long lines = 0, end = 0, offset = 0;
        int read;
        while (lines < maxLines && (read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            for (int at = 0, nl; lines < maxLines && (nl = span[at..].IndexOf((byte)'\n')) >= 0; at += nl + 1)
            {
                lines++;
                end = offset + at + nl + 1;
            }
            offset += read;
        }
        if (file.Length != end) file.SetLength(end);
        return (end, lines);
    }

    static MaxPerClassMarker Finish(Uri url, string part, string target, int maxDrawings, long lines, long bytes,
        bool endOfSource, FileReporter report)
    {
        var marker = new MaxPerClassMarker(maxDrawings, lines, bytes, endOfSource, url.AbsoluteUri);
        marker.Write(target); // first, so the final name never holds a first-N file without its marker
        File.Move(part, target, overwrite: true);
        report.Completed(lines);
        return marker;
    }
}
