namespace QuickDraw.Download;

/// <summary>No bytes for the stall timeout (transient: the attempt is retried).</summary>
internal sealed class StallException(TimeSpan stall, Exception inner)
    : TimeoutException($"no data for {stall.TotalSeconds:0.###} s", inner);
