namespace QuickDraw.Download;

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
