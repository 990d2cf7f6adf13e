namespace QuickDraw.Download;

/// <summary>One progress report for one file. A total bar is the sum of each file's latest <see cref="Done"/>
/// against the plan's total.</summary>
/// <param name="Name">The file's name, e.g. <c>The Eiffel Tower.ndjson</c>.</param>
/// <param name="Stage">What happened.</param>
/// <param name="Done">Bytes (or drawings) present so far, resumed ones included.</param>
/// <param name="Total">The expected end, when known.</param>
/// <param name="Unit">Bytes, or drawings for a first-N download.</param>
/// <param name="Message">For notices and failures: what happened, for people.</param>
public sealed record FileProgress(string Name, FileStage Stage, long Done, long? Total, ProgressUnit Unit,
    string? Message = null);
