using QuickDraw.Common;

namespace QuickDraw.Download;

/// <summary>What to fetch.</summary>
public sealed record DownloadRequest
{
    /// <summary>Simplified ndjson (the tutorial's input), raw ndjson, or binary.</summary>
    public DataFormat Format { get; init; } = DataFormat.Simplified;

    /// <summary>Category names to fetch (case and '_' for ' ' forgiven); null or empty: every listed category.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Keep only the first N drawings of each file (ndjson only); null: whole files. The tutorial uses
    /// 11,000 (10,000 training + 1,000 eval).</summary>
    public int? MaxPerClass { get; init; }

    /// <summary>The folder that receives <c>simplified/</c>, <c>raw/</c> or <c>binary/</c>; default <c>data/quickdraw</c>.</summary>
    public string OutputRoot { get; init; } = DefaultOutputRoot;

    /// <summary><c>data/quickdraw</c> in the repository.</summary>
    public static string DefaultOutputRoot => Path.Combine(RepoPaths.Data, "quickdraw");

    /// <summary>Where this request's files go, e.g. <c>data/quickdraw/simplified</c>.</summary>
    public string OutputFolder => Path.Combine(OutputRoot, QuickDrawSource.FolderName(Format));

    internal void Validate()
    {
        if (MaxPerClass is int n && n < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxPerClass), n, "--max-per-class must be at least 1");
        if (MaxPerClass is not null && Format == DataFormat.Binary)
            throw new ArgumentException("--max-per-class applies to ndjson (simplified or raw) only, not to --format binary: " +
                                        ".bin drawings are not lines", nameof(MaxPerClass));
    }
}

/// <summary>What will happen to a file.</summary>
public enum PlannedAction
{
    /// <summary>Nothing local yet: fetch from the start.</summary>
    Fetch,
    /// <summary>A <c>.part</c> is there: resume it with Range.</summary>
    Resume,
    /// <summary>Already complete: skip.</summary>
    Skip,
}

/// <summary>One file of a plan: its remote description, local path, and what will be done.</summary>
/// <param name="Remote">The file as the listing describes it.</param>
/// <param name="LocalPath">Its final local path, e.g. <c>data/quickdraw/simplified/cat.ndjson</c>.</param>
/// <param name="Action">Fetch, resume or skip.</param>
/// <param name="BytesPresent">Bytes already on disk (a partial's length, or the complete file's).</param>
/// <param name="Reason">Why, in a few words ("complete", "resuming at 12.0 MB", "holds only the first 100 drawings").</param>
public sealed record PlannedFile(RemoteFile Remote, string LocalPath, PlannedAction Action, long BytesPresent, string Reason);

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

/// <summary>How one file ended.</summary>
/// <param name="File">The planned file.</param>
/// <param name="Skipped">True when it was already complete.</param>
/// <param name="Error">Null when it succeeded (fetched or skipped).</param>
public sealed record FileOutcome(PlannedFile File, bool Skipped, DownloadException? Error);

/// <summary>The outcome of a download.</summary>
public sealed record DownloadSummary(DownloadPlan Plan, IReadOnlyList<FileOutcome> Outcomes)
{
    public int Fetched => Outcomes.Count(o => o.Error is null && !o.Skipped);
    public int Skipped => Outcomes.Count(o => o.Skipped);
    public IReadOnlyList<FileOutcome> Failed => Outcomes.Where(o => o.Error is not null).ToList();
}

/// <summary>Some files failed (the others were fetched); <see cref="Summary"/> tells which and why.</summary>
public sealed class DownloadIncompleteException(DownloadSummary summary) : DownloadException(
    summary.Failed.Select(f => f.Error!.Failure).Distinct().Count() == 1 ? summary.Failed[0].Error!.Failure : DownloadFailure.Http,
    $"{summary.Failed.Count} of {summary.Outcomes.Count} file(s) failed; the others are complete. Re-run to retry them.\n" +
    string.Join("\n", summary.Failed.Select(f => $"  {f.File.Remote.FileName}: {f.Error!.Message}")),
    summary.Failed[0].Error!.Url, summary.Failed[0].Error)
{
    public DownloadSummary Summary { get; } = summary;
}
