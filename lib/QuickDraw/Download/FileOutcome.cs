namespace QuickDraw.Download;

/// <summary>How one file ended.</summary>
/// <param name="File">The planned file.</param>
/// <param name="Skipped">True when it was already complete.</param>
/// <param name="Error">Null when it succeeded (fetched or skipped).</param>
public sealed record FileOutcome(PlannedFile File, bool Skipped, DownloadException? Error);
