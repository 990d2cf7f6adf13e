using System.Collections.Concurrent;

namespace QuickDraw.Download;

/// <summary>The download stage: lists the bucket's categories, plans which files to fetch, and fetches them in
/// parallel with resume, retries and progress. One instance shares one HTTP connection pool; dispose it.</summary>
/// <example><code>
/// using var downloader = new QuickDrawDownloader();
/// var plan = await downloader.PlanAsync(new DownloadRequest { Categories = ["cat", "The Eiffel Tower"], MaxPerClass = 11_000 });
/// var summary = await downloader.DownloadAsync(plan, new Progress&lt;FileProgress&gt;(p => Console.WriteLine(p)));
/// </code></example>
public sealed class QuickDrawDownloader : IDisposable
{
    readonly ResilientHttp http;
    readonly ConcurrentDictionary<DataFormat, Task<IReadOnlyList<RemoteFile>>> listings = new();

    /// <param name="source">Where to fetch from; default <see cref="QuickDrawSource.Google"/>.</param>
    /// <param name="transfer">Parallelism, retries, timeouts; default <see cref="TransferOptions"/>'s defaults.</param>
    public QuickDrawDownloader(QuickDrawSource? source = null, TransferOptions? transfer = null)
    {
        Source = source ?? QuickDrawSource.Google;
        http = new ResilientHttp(transfer ?? new TransferOptions());
    }

    public QuickDrawSource Source { get; }

    public TransferOptions Transfer => http.Options;

    /// <summary>Hears retries and long waits while the bucket listing is fetched (file transfers report theirs
    /// through their progress). download.cs prints them, so a silent server is never a silent wait.</summary>
    public Action<string>? ListingNotices { get => http.Notices; set => http.Notices = value; }

    /// <summary>Every category file of a format, from the bucket's listing (all pages), sorted by name.
    /// Cached per instance.</summary>
    public async Task<IReadOnlyList<RemoteFile>> ListAsync(DataFormat format = DataFormat.Simplified, CancellationToken ct = default)
    {
        var task = listings.GetOrAdd(format, f => BucketListing.ReadAsync(http, Source, f, ct));
        try { return await task; }
        catch { listings.TryRemove(format, out _); throw; }
    }

    /// <summary>Resolves the request's categories against the listing (unknown names throw
    /// <see cref="UnknownCategoryException"/> with suggestions) and decides, per file, fetch / resume / skip.</summary>
    public async Task<DownloadPlan> PlanAsync(DownloadRequest request, CancellationToken ct = default)
    {
        request.Validate();
        var listed = await ListAsync(request.Format, ct);
        var files = request.Categories is { Count: > 0 } names ? CategoryNames.Resolve(names, listed) : listed;
        var planned = files.Select(f => DownloadPlan.Decide(f, request.OutputFolder, request.MaxPerClass)).ToList();
        return new DownloadPlan(request, planned);
    }

    /// <summary>Plans and downloads in one call.</summary>
    public async Task<DownloadSummary> DownloadAsync(DownloadRequest request, IProgress<FileProgress>? progress = null,
        CancellationToken ct = default) => await DownloadAsync(await PlanAsync(request, ct), progress, ct);

    /// <summary>Carries out a plan: up to <see cref="TransferOptions.Parallelism"/> files at once, each resumable.
    /// A file that fails (404, stalled, broken after every retry) does not stop the others; at the end a
    /// <see cref="DownloadIncompleteException"/> lists the failures. A full disk or an unreachable host stops
    /// everything at once (a <see cref="DownloadException"/>). Partial files are always kept for the next run.</summary>
    public async Task<DownloadSummary> DownloadAsync(DownloadPlan plan, IProgress<FileProgress>? progress = null,
        CancellationToken ct = default)
    {
        var request = plan.Request;
        request.Validate();
        Directory.CreateDirectory(request.OutputFolder);
        if (plan.Unit == ProgressUnit.Bytes) DiskSpace.EnsureRoom(request.OutputFolder, plan.BytesToFetch);

        var outcomes = new FileOutcome?[plan.Files.Count];
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        DownloadException? fatal = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Transfer.Parallelism, CancellationToken = stopAll.Token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, plan.Files.Count), parallel, async (i, t) =>
            {
                var file = plan.Files[i];
                try
                {
                    outcomes[i] = await FetchOneAsync(file, request, progress, t);
                }
                catch (DownloadException e) when (e.Failure is DownloadFailure.DiskFull or DownloadFailure.Unreachable)
                {
                    Interlocked.CompareExchange(ref fatal, e, null);
                    outcomes[i] = new FileOutcome(file, false, e);
                    await stopAll.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (fatal is not null && !ct.IsCancellationRequested)
        {
        }
        if (fatal is not null) throw fatal;

        var summary = new DownloadSummary(plan, outcomes.Select(o => o!).ToList());
        if (summary.Failed.Count > 0) throw new DownloadIncompleteException(summary);
        return summary;
    }

    async Task<FileOutcome> FetchOneAsync(PlannedFile file, DownloadRequest request, IProgress<FileProgress>? progress,
        CancellationToken ct)
    {
        var remote = file.Remote;
        var unit = request.MaxPerClass is null ? ProgressUnit.Bytes : ProgressUnit.Drawings;
        var report = new FileReporter(progress, remote.FileName, unit, request.MaxPerClass ?? (long?)remote.Size);
        if (file.Action == PlannedAction.Skip)
        {
            var done = unit == ProgressUnit.Bytes ? file.BytesPresent : MaxPerClassMarker.Read(file.LocalPath)?.Drawings ?? request.MaxPerClass!.Value;
            report.Skipped(done, file.Reason);
            return new FileOutcome(file, true, null);
        }
        try
        {
            if (request.MaxPerClass is int n)
                await FirstDrawingsTransfer.FetchAsync(http, remote.Url, file.LocalPath, n, report, ct);
            else
                await WholeFileTransfer.FetchAsync(http, remote.Url, file.LocalPath, remote.Size, report, ct);
            return new FileOutcome(file, false, null);
        }
        catch (DownloadException e)
        {
            report.Failed(0, e.Message);
            if (e.Failure is DownloadFailure.DiskFull or DownloadFailure.Unreachable) throw;
            return new FileOutcome(file, false, e);
        }
    }

    /// <summary>Downloads the tutorial's prepared TFRecords into <paramref name="folder"/> (default
    /// <c>data/tutorial</c>): fetches the tarball with resume, extracts it, and checks every record's CRC.</summary>
    /// <param name="folder">Where to extract; default <see cref="TutorialDataset.DefaultFolder"/>.</param>
    /// <param name="progress">Hears the archive's download, its extraction and the record check.</param>
    /// <param name="keepArchive">Keep the .tar.gz after a verified extraction (default: delete it, ≈1 GB).</param>
    /// <param name="ct">Cancels; the partial archive is kept for resuming.</param>
    /// <param name="countRecords">Counts a TFRecord file's records, throwing on a bad CRC; default: a built-in
    /// framing and CRC check (<see cref="QuickDraw.TfRecord.TfRecordReader.CountRecords"/>).</param>
    public Task<TutorialDataset> DownloadTutorialAsync(string? folder = null, IProgress<FileProgress>? progress = null,
        bool keepArchive = false, Func<string, long>? countRecords = null, CancellationToken ct = default) =>
        TutorialDataset.FetchAsync(http, Source.TutorialTarballUrl, folder ?? TutorialDataset.DefaultFolder, progress,
            keepArchive, countRecords, ct);

    public void Dispose() => http.Dispose();
}
