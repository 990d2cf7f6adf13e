namespace QuickDraw.Download;

/// <summary>The unit of <see cref="FileProgress.Done"/> and <see cref="FileProgress.Total"/>.</summary>
public enum ProgressUnit
{
    Bytes,
    /// <summary>Complete drawings (ndjson lines): the unit of a <c>--max-per-class</c> download.</summary>
    Drawings,
}
