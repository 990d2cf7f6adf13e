namespace QuickDraw.Download;

/// <summary>What happened to one file.</summary>
public enum FileStage
{
    /// <summary>The transfer (or a resumed one) began; <see cref="FileProgress.Done"/> counts what was already there.</summary>
    Started,
    /// <summary>More arrived (reported at most every ~100 ms per file).</summary>
    Advanced,
    /// <summary>Something worth telling: a retry and why, a server that ignored Range, a restart from zero.</summary>
    Notice,
    /// <summary>The file is complete under its final name.</summary>
    Completed,
    /// <summary>The file was already complete; nothing fetched.</summary>
    Skipped,
    /// <summary>The file could not be fetched; the message says why (the partial file is kept for resuming).</summary>
    Failed,
}
