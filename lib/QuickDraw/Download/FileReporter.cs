namespace QuickDraw.Download;

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
