namespace QuickDraw.Download;

/// <summary>How files are fetched: parallelism, retries and timeouts. The defaults suit the real bucket;
/// tests shrink the delays and timeouts to milliseconds.</summary>
public sealed record TransferOptions
{
    /// <summary>Files fetched at once (1..16 is sensible; the bucket serves each file at tens of MB/s).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Attempts after the first one that failed (connection cut, stall, 5xx), each resuming the partial file.</summary>
    public int Retries { get; init; } = 5;

    /// <summary>Wait before the first retry; doubled for each further one (1 s, 2 s, 4 s, ...).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for response headers or for the next chunk of a body before the attempt is abandoned
    /// (and retried).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The total deadline of a request without data: once this long passes with nothing from the server
    /// (over all attempts and the waits between them), the request fails at once. A server that accepts the
    /// connection and never answers fails after this long (40 s), not after every retry's stall timeout. Any data,
    /// or any answer (even an HTTP error), restarts it, so a slow but moving transfer is never cut.</summary>
    public TimeSpan NoDataDeadline { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>While an answer is awaited, a notice ("no data for 5 s ...") every this long, so a wait is never silent.</summary>
    public TimeSpan WaitNoticeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before retry <paramref name="retry"/> (1-based).</summary>
    public TimeSpan BackoffBefore(int retry) =>
        TimeSpan.FromTicks(RetryBaseDelay.Ticks * (1L << Math.Clamp(retry - 1, 0, 16)));

    internal void Validate()
    {
        if (Parallelism < 1) throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "must be at least 1");
        if (Retries < 0) throw new ArgumentOutOfRangeException(nameof(Retries), Retries, "must be 0 or more");
        if (StallTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(StallTimeout), StallTimeout, "must be positive");
        if (NoDataDeadline <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(NoDataDeadline), NoDataDeadline, "must be positive");
        if (WaitNoticeInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(WaitNoticeInterval), WaitNoticeInterval, "must be positive");
        if (RetryBaseDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryBaseDelay), RetryBaseDelay, "must not be negative");
    }
}
