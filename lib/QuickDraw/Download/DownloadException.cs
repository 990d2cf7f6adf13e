using System.Net;
using System.Net.Sockets;

namespace QuickDraw.Download;

/// <summary>A download failed in a way a person can act on; the message says what, where and what to do.</summary>
public class DownloadException(DownloadFailure failure, string message, Uri? url = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DownloadFailure Failure { get; } = failure;

    /// <summary>The URL being fetched, when there was one.</summary>
    public Uri? Url { get; } = url;

    internal static DownloadException Unreachable(Uri url, Exception cause) => new(DownloadFailure.Unreachable,
        $"cannot reach {url.Host}: {Reason(cause)}. Check your connection or use --source-url to point at a mirror.",
        url, cause);

    internal static DownloadException NotFound(Uri url) =>
        new(DownloadFailure.NotFound, $"not found (HTTP 404): {url}", url);

    internal static DownloadException Stalled(Uri url, TimeSpan stall, int attempts) => new(DownloadFailure.Stalled,
        $"{url} sent nothing for {stall.TotalSeconds:0.###} s (attempt {attempts} of {attempts}); " +
        "the server or the connection is stalled (raise --stall-timeout on a slow link)", url);

    internal static DownloadException NoData(Uri url, TimeSpan deadline, int attempts) => new(DownloadFailure.Stalled,
        $"{url} sent nothing for {deadline.TotalSeconds:0.###} s over {attempts} attempt(s); " +
        "the server or the connection is stalled (check the URL and your connection; raise --deadline on a slow link)", url);

    internal static DownloadException GaveUp(Uri url, int attempts, Exception last) => new(DownloadFailure.Http,
        $"giving up on {url} after {attempts} attempt(s): {Reason(last)}", url, last);

    internal static DownloadException DiskFull(string folder, long bytesNeeded, long? bytesFree, Exception? cause) =>
        new(DownloadFailure.DiskFull,
            $"disk full: {folder} needs {Bytes.Format(bytesNeeded)} more" +
            (bytesFree is long free ? $" but only {Bytes.Format(free)} is free" : "") +
            ". Free some space or choose another folder with --out; partial files are kept and will resume.",
            null, cause);

    /// <summary>True for an IOException that means "no space left on device" (ENOSPC on Unix,
    /// ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows).</summary>
    internal static bool IsDiskFull(IOException e)
    {
        var code = e.HResult & 0xFFFF;
        return OperatingSystem.IsWindows() ? code is 0x70 or 0x27 : code == 28;
    }

    /// <summary>True when an HttpClient failure means the host was never reached (as opposed to a broken transfer).</summary>
    internal static bool IsUnreachable(Exception e)
    {
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError })
            return true;
        for (var x = e; x != null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.ConnectionRefused
                    or SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.TryAgain or SocketError.NoData })
                return true;
        return false;
    }

    static string Reason(Exception e)
    {
        for (var x = e; x != null; x = x.InnerException)
            if (x is SocketException s) return s.Message;
        return e is HttpRequestException { StatusCode: HttpStatusCode code } ? $"HTTP {(int)code} {code}" : e.Message;
    }
}
