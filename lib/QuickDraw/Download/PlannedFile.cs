namespace QuickDraw.Download;

/// <summary>One file of a plan: its remote description, local path, and what will be done.</summary>
/// <param name="Remote">The file as the listing describes it.</param>
/// <param name="LocalPath">Its final local path, e.g. <c>data/quickdraw/simplified/cat.ndjson</c>.</param>
/// <param name="Action">Fetch, resume or skip.</param>
/// <param name="BytesPresent">Bytes already on disk (a partial's length, or the complete file's).</param>
/// <param name="Reason">Why, in a few words ("complete", "resuming at 12.0 MB", "holds only the first 100 drawings").</param>
public sealed record PlannedFile(RemoteFile Remote, string LocalPath, PlannedAction Action, long BytesPresent, string Reason);
