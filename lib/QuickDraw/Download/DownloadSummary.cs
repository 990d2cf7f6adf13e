namespace QuickDraw.Download;

/// <summary>The outcome of a download.</summary>
public sealed record DownloadSummary(DownloadPlan Plan, IReadOnlyList<FileOutcome> Outcomes)
{
    public int Fetched => Outcomes.Count(o => o.Error is null && !o.Skipped);
    public int Skipped => Outcomes.Count(o => o.Skipped);
    public IReadOnlyList<FileOutcome> Failed => Outcomes.Where(o => o.Error is not null).ToList();
}
