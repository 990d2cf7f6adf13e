namespace QuickDraw.Download;

/// <summary>The files a request resolves to and what will be done to each (computed from the listing and the
/// local folder; nothing fetched yet). <see cref="QuickDrawDownloader.DownloadAsync(DownloadPlan, IProgress{FileProgress}?, CancellationToken)"/> carries it out.</summary>
public sealed record DownloadPlan(DownloadRequest Request, IReadOnlyList<PlannedFile> Files)
{
    /// <summary>Bytes for whole files, drawings for a <see cref="DownloadRequest.MaxPerClass"/> download.</summary>
    public ProgressUnit Unit => Request.MaxPerClass is null ? ProgressUnit.Bytes : ProgressUnit.Drawings;

    /// <summary>The remote size of every planned file (whole files, skipped ones included).</summary>
    public long RemoteBytes => Files.Sum(f => f.Remote.Size);

    /// <summary>Bytes still to fetch for whole files; for a first-N download, an upper bound.</summary>
    public long BytesToFetch => Files.Where(f => f.Action != PlannedAction.Skip).Sum(f => Math.Max(0, f.Remote.Size - f.BytesPresent));

    /// <summary>The end of a total progress bar, in <see cref="Unit"/>s.</summary>
    public long ProgressTotal => Unit == ProgressUnit.Bytes ? RemoteBytes : (long)Request.MaxPerClass!.Value * Files.Count;

    internal static PlannedFile Decide(RemoteFile remote, string folder, int? maxPerClass)
    {
        var local = Path.Combine(folder, remote.FileName);
        var marker = MaxPerClassMarker.Read(local);
        if (File.Exists(local))
        {
            var length = new FileInfo(local).Length;
            var whole = marker is null && length == remote.Size;
            if (whole) return new(remote, local, PlannedAction.Skip, length, "complete");
            if (maxPerClass is int n && marker is { } m && m.Bytes == length && (m.MaxPerClass == n || (m.EndOfSource && m.Drawings <= n)))
                return new(remote, local, PlannedAction.Skip, length, $"complete (first {m.Drawings:N0} drawings)");
        }
        var part = local + ".part";
        if (File.Exists(part))
        {
            var have = new FileInfo(part).Length;
            return new(remote, local, PlannedAction.Resume, have, $"resuming at {Bytes.Format(have)}");
        }
        var why = !File.Exists(local) ? "new"
            : marker is not null ? $"holds only the first {marker.Drawings:N0} drawings"
            : "size differs from the listing";
        return new(remote, local, PlannedAction.Fetch, 0, why);
    }
}
