namespace QuickDraw.Download;

/// <summary>Fetches one whole file, resumably: bytes go to <c>&lt;target&gt;.part</c>, a retry resumes it with
/// <c>Range: bytes=&lt;length&gt;-</c>, and only a file of the expected length is renamed to its final name,
/// so a file under its final name is always complete.</summary>
internal static class WholeFileTransfer
{
    const int BufferSize = 1 << 16;

    /// <summary>Downloads <c>url</c> to <c>target</c>; returns the file's length. <c>expected</c> is the length
    /// the listing gives, or null when unknown (then the server's Content-Length / Content-Range decides).</summary>
    public static Task<long> FetchAsync(ResilientHttp http, Uri url, string target, long? expected,
        FileReporter report, CancellationToken ct)
    {
        var part = target + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        return http.WithRetriesAsync(url, async (attempt, t) =>
        {
            var have = File.Exists(part) ? new FileInfo(part).Length : 0;
            if (expected is long e && have > e)
            {
                report.Notice(0, $"partial file is longer than the expected {e} bytes; starting over");
                File.Delete(part);
                have = 0;
            }
            if (expected is long done && have == done && done > 0) return Finish(part, target, done, report);
            if (attempt == 1) report.Started(have);

            using var guard = http.Guard(t);
            using var response = await RangedResponse.OpenAsync(http, url, have, guard);
            var total = response.Total ?? expected;
            if (response.Total is long told && expected is long listed && told != listed)
                report.Notice(have, $"the server says {told} bytes, the listing {listed}; trusting the server");
            report.Total = total;

            if (response.Body is null) // 416: we already hold at least the whole file
            {
                if (total == have) return Finish(part, target, have, report);
                File.Delete(part);
                throw new HttpRequestException($"range bytes={have}- not satisfiable; discarding the partial file");
            }
            if (response.Start == 0 && have > 0)
            {
                report.Notice(0, RangedResponse.RangeIgnored(url, have));
                have = 0;
            }

            try
            {
                await using (var file = new FileStream(part, have == 0 ? FileMode.Create : FileMode.Append,
                                 FileAccess.Write, FileShare.Read, BufferSize))
                {
                    var buffer = new byte[BufferSize];
                    int read;
                    while ((read = await guard.RunAsync(g => response.Body.ReadAsync(buffer, g).AsTask())) > 0)
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), t);
                        have += read;
                        report.Advanced(have);
                    }
                    await file.FlushAsync(t);
                    file.Flush(flushToDisk: true); // the rename below must never expose unwritten bytes
                }
            }
            catch (IOException io) when (DownloadException.IsDiskFull(io))
            {
                throw DiskSpace.Full(target, (total ?? have) - have, io);
            }

            if (total is long want && have < want)
                throw new IOException($"connection closed after {have} of {want} bytes");
            if (total is long max && have > max)
            {
                File.Delete(part);
                throw new DownloadException(DownloadFailure.Corrupt,
                    $"{url} sent {have} bytes, more than the expected {max}; the partial file was deleted", url);
            }
            return Finish(part, target, have, report);
        }, report.Notice, ct);
    }

    static long Finish(string part, string target, long length, FileReporter report)
    {
        MaxPerClassMarker.Delete(target); // a whole file is no longer a first-N one
        File.Move(part, target, overwrite: true);
        report.Completed(length);
        return length;
    }
}
