namespace QuickDraw.Download;

/// <summary>Some files failed (the others were fetched); <see cref="Summary"/> tells which and why.</summary>
public sealed class DownloadIncompleteException(DownloadSummary summary) : DownloadException(
    summary.Failed.Select(f => f.Error!.Failure).Distinct().Count() == 1 ? summary.Failed[0].Error!.Failure : DownloadFailure.Http,
    $"{summary.Failed.Count} of {summary.Outcomes.Count} file(s) failed; the others are complete. Re-run to retry them.\n" +
    string.Join("\n", summary.Failed.Select(f => $"  {f.File.Remote.FileName}: {f.Error!.Message}")),
    summary.Failed[0].Error!.Url, summary.Failed[0].Error)
{
    public DownloadSummary Summary { get; } = summary;
}
