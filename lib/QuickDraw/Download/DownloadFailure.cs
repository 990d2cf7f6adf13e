namespace QuickDraw.Download;

/// <summary>What went wrong, for callers that react differently (a script's exit code, a notebook's hint).</summary>
public enum DownloadFailure
{
    /// <summary>The host could not be reached (DNS, refused, no route).</summary>
    Unreachable,
    /// <summary>The server answered 404: the file is not there.</summary>
    NotFound,
    /// <summary>The server sent nothing for longer than the stall timeout, on every attempt.</summary>
    Stalled,
    /// <summary>Another HTTP error, or the connection kept breaking, after every retry.</summary>
    Http,
    /// <summary>The disk holding the output folder is full.</summary>
    DiskFull,
    /// <summary>A category name that the listing does not hold.</summary>
    UnknownCategory,
    /// <summary>A downloaded file is damaged: a truncated archive, a bad record CRC, a wrong length.</summary>
    Corrupt,
}
