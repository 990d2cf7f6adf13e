namespace QuickDraw.Download;

/// <summary>The request's deadline without data passed (not transient: no more attempts).</summary>
internal sealed class NoDataException() : TimeoutException("no data before the request's deadline");
