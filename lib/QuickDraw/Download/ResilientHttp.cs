using System.Net;
using System.Text;

namespace QuickDraw.Download;

/// <summary>HTTP GETs with the behaviour every download here needs: a stall timeout on the headers and on each
/// read, a total deadline per request without data (<see cref="TransferOptions.NoDataDeadline"/>), notices while
/// waiting, retries with exponential backoff, and failures turned into <see cref="DownloadException"/>s that say
/// what to do. One instance (one HttpClient) is shared by all parallel transfers.</summary>
internal sealed class ResilientHttp : IDisposable
{
    readonly HttpClient client;

    // The request that WithRetriesAsync is running on this async flow: its attempts' guards share its deadline.
    static readonly AsyncLocal<RequestClock?> request = new();

    public TransferOptions Options { get; }

    /// <summary>Hears retries and long waits of requests that have no file to report them on (the listing).</summary>
    public Action<string>? Notices { get; set; }

    public ResilientHttp(TransferOptions options)
    {
        options.Validate();
        Options = options;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.StallTimeout,
            AutomaticDecompression = DecompressionMethods.None, // byte ranges must count stored bytes
            MaxConnectionsPerServer = Math.Max(options.Parallelism, 2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }; // timing is ours: see StallGuard
        client.DefaultRequestHeaders.UserAgent.ParseAdd("QuickDraw-TorchSharp-downloader/1.0");
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, retrying transient failures (connection errors,
    /// cuts, stalls, 5xx/408/429) with backoff. <paramref name="onRetry"/> hears why each retry happens.
    /// After the last attempt the failure becomes a <see cref="DownloadException"/> naming the URL.</summary>
    public async Task<T> WithRetriesAsync<T>(Uri url, Func<int, CancellationToken, Task<T>> attempt,
        Action<string>? onRetry, CancellationToken ct)
    {
        var clock = new RequestClock(Options.NoDataDeadline, Options.WaitNoticeInterval, onRetry);
        request.Value = clock;
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt(n, ct);
            }
            catch (NoDataException)
            {
                throw DownloadException.NoData(url, Options.NoDataDeadline, n);
            }
            catch (Exception e) when (IsTransient(e, ct))
            {
                var wait = Options.BackoffBefore(n);
                if (n <= Options.Retries && clock.Remaining <= wait)
                    throw DownloadException.NoData(url, Options.NoDataDeadline, n); // the deadline would pass while waiting
                if (n > Options.Retries)
                {
                    if (e is StallException) throw DownloadException.Stalled(url, Options.StallTimeout, n);
                    if (DownloadException.IsUnreachable(e)) throw DownloadException.Unreachable(url, e);
                    throw DownloadException.GaveUp(url, n, e);
                }
                onRetry?.Invoke($"{Describe(e)}; retry {n}/{Options.Retries} in {wait.TotalSeconds:0.##} s");
                await Task.Delay(wait, ct);
            }
        }
    }

    /// <summary>A stall guard for one attempt of the current request (sharing its deadline and wait notices).</summary>
    public StallGuard Guard(CancellationToken t) => new(Options.StallTimeout, t, request.Value);

    /// <summary>Sends a GET (optionally from byte <paramref name="from"/>) and waits for the headers within the
    /// stall timeout. 404 → <see cref="DownloadException"/>; 5xx/408/429 → a transient failure to retry.</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri url, long from, StallGuard guard)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (from > 0) request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(from, null);
        var response = await guard.RunAsync(t => client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, t));
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable) return response;
        response.Dispose();
        if (response.StatusCode == HttpStatusCode.NotFound) throw DownloadException.NotFound(url);
        var failure = new HttpRequestException($"HTTP {code} {response.ReasonPhrase}", null, response.StatusCode);
        if (code >= 500 || code is 408 or 429) throw failure; // transient: retried
        throw new DownloadException(DownloadFailure.Http, $"{url} answered HTTP {code} {response.ReasonPhrase}", url, failure);
    }

    /// <summary>GETs a small text resource (the listing) with retries.</summary>
    public Task<string> GetStringAsync(Uri url, CancellationToken ct) => WithRetriesAsync(url, async (_, t) =>
    {
        using var guard = Guard(t);
        using var response = await SendAsync(url, 0, guard);
        await using var body = await guard.RunAsync(response.Content.ReadAsStreamAsync);
        using var text = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await guard.RunAsync(g => body.ReadAsync(buffer, g).AsTask())) > 0) text.Write(buffer, 0, read);
        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }, Notices is { } say ? m => say($"{url.GetLeftPart(UriPartial.Path)}: {m}") : null, ct);

    static bool IsTransient(Exception e, CancellationToken ct) => e switch
    {
        DownloadException => false,
        OperationCanceledException when ct.IsCancellationRequested => false,
        StallException or HttpRequestException or TimeoutException => true,
        IOException io => !DownloadException.IsDiskFull(io),
        _ => false,
    };

    static string Describe(Exception e) => e switch
    {
        StallException s => s.Message,
        HttpRequestException h when h.StatusCode is { } c => $"HTTP {(int)c}",
        _ => e.InnerException?.Message is { } inner ? $"{e.Message} ({inner})" : e.Message,
    };

    public void Dispose() => client.Dispose();
}
