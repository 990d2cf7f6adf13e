namespace QuickDraw.Download;

/// <summary>Cancels an attempt when the server sends nothing for the stall timeout: each awaited network
/// operation gets the full timeout again, so a slow but moving transfer never trips it. With a request's clock,
/// an operation also ends at the request's deadline without data (<see cref="NoDataException"/>), and a wait
/// longer than the notice interval is reported as it goes.</summary>
internal sealed class StallGuard(TimeSpan stall, CancellationToken outer, RequestClock? clock = null) : IDisposable
{
    readonly CancellationTokenSource cts = CancellationTokenSource.CreateLinkedTokenSource(outer);

    public CancellationToken Token => cts.Token;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> op)
    {
        var remaining = clock?.Remaining ?? stall;
        bool byDeadline = remaining < stall;
        if (remaining <= TimeSpan.Zero) throw new NoDataException();
        cts.CancelAfter(byDeadline ? remaining : stall);
        using var notices = clock?.WaitNotices(stall);
        try
        {
            var result = await op(cts.Token);
            clock?.Touch();
            return result;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException
                                  && cts.IsCancellationRequested && !outer.IsCancellationRequested)
        {
            if (byDeadline) throw new NoDataException();
            throw new StallException(stall, e);
        }
        finally
        {
            if (!cts.IsCancellationRequested) cts.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => cts.Dispose();
}
