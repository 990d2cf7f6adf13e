using System.Net;

namespace QuickDraw.Download;

/// <summary>The answer to "send me this file from byte <c>have</c> on", reduced to what a resuming writer needs:
/// where the body starts (<see cref="Start"/>: <c>have</c> when the server honoured Range, 0 when it sent the
/// whole file instead) and the file's full length when the server told it.</summary>
internal sealed class RangedResponse : IDisposable
{
    readonly HttpResponseMessage response;

    RangedResponse(HttpResponseMessage response, Stream? body, long start, long? total)
    {
        this.response = response;
        Body = body;
        Start = start;
        Total = total;
    }

    /// <summary>The body, or null when the server said the range starts at (or past) the end: 416.</summary>
    public Stream? Body { get; }

    /// <summary>The offset of the body's first byte in the file.</summary>
    public long Start { get; }

    /// <summary>The whole file's length (Content-Range's total, or Content-Length of a 200), when known.</summary>
    public long? Total { get; }

    /// <summary>GETs <paramref name="url"/> from byte <paramref name="have"/>. A server that answers 200 to a
    /// Range request sends the whole file: <see cref="Start"/> is then 0 and the caller must start over —
    /// never append a whole body to a partial file.</summary>
    public static async Task<RangedResponse> OpenAsync(ResilientHttp http, Uri url, long have, StallGuard guard)
    {
        var response = await http.SendAsync(url, have, guard);
        try
        {
            var headers = response.Content.Headers;
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
                return new RangedResponse(response, null, have, headers.ContentRange?.Length);

            long start = 0;
            long? total = headers.ContentLength;
            if (response.StatusCode == HttpStatusCode.PartialContent)
            {
                var range = headers.ContentRange;
                if (range?.From is not long from)
                    throw new HttpRequestException($"206 without a usable Content-Range from {url}");
                start = from;
                total = range.Length;
                if (start != have && start != 0)
                    throw new HttpRequestException($"asked for bytes {have}- but {url} sent bytes {from}-");
            }
            var body = await guard.RunAsync(response.Content.ReadAsStreamAsync);
            return new RangedResponse(response, body, start, total);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The message for a restart caused by a server that ignored Range.</summary>
    public static string RangeIgnored(Uri url, long have) =>
        $"the server ignored the Range request (bytes={have}-) and sent the whole file; restarting from zero " +
        $"({Bytes.Format(have)} already fetched are discarded)";

    public void Dispose()
    {
        Body?.Dispose();
        response.Dispose();
    }
}
