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

/// <summary>The unit of <see cref="FileProgress.Done"/> and <see cref="FileProgress.Total"/>.</summary>
public enum ProgressUnit
{
    Bytes,
    /// <summary>Complete drawings (ndjson lines): the unit of a <c>--max-per-class</c> download.</summary>
    Drawings,
}

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

/// <summary>Reports one file's progress to an optional sink, throttling <see cref="FileStage.Advanced"/>.</summary>
internal sealed class FileReporter(IProgress<FileProgress>? sink, string name, ProgressUnit unit, long? total)
{
    static readonly long MinInterval = System.Diagnostics.Stopwatch.Frequency / 10;
    long lastAdvanced;

    public long? Total { get; set; } = total;

    /// <summary>The latest progress, reported or not (Advanced is throttled).</summary>
    public long Done { get; private set; }

    public void Started(long done) => Send(FileStage.Started, done);
    public void Notice(long done, string message) => Send(FileStage.Notice, done, message);
    /// <summary>A notice that changes nothing on disk (a retry): progress stays where it was.</summary>
    public void Notice(string message) => Send(FileStage.Notice, Done, message);
    public void Completed(long done) => Send(FileStage.Completed, done);
    public void Skipped(long done, string message) => Send(FileStage.Skipped, done, message);
    public void Failed(long done, string message) => Send(FileStage.Failed, done, message);

    public void Advanced(long done)
    {
        Done = done;
        if (sink is null) return;
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (now - lastAdvanced < MinInterval) return;
        lastAdvanced = now;
        Send(FileStage.Advanced, done);
    }

    void Send(FileStage stage, long done, string? message = null)
    {
        Done = done;
        sink?.Report(new FileProgress(name, stage, done, Total, unit, message));
    }
}
