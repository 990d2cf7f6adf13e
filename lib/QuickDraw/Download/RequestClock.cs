using System.Diagnostics;

namespace QuickDraw.Download;

/// <summary>One request's time without data, over all its attempts: the deadline it counts down to, and the notices
/// a long wait sends.</summary>
internal sealed class RequestClock(TimeSpan deadline, TimeSpan noticeEvery, Action<string>? say)
{
    long lastData = Stopwatch.GetTimestamp();

    /// <summary>Data (or an answer) arrived: the deadline starts again.</summary>
    public void Touch() => Interlocked.Exchange(ref lastData, Stopwatch.GetTimestamp());

    /// <summary>Time since data last arrived.</summary>
    public TimeSpan Quiet => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastData));

    /// <summary>Time left before the request fails for want of data.</summary>
    public TimeSpan Remaining => deadline - Quiet;

    /// <summary>While an operation waits: "no data for 5 s" every notice interval, until disposed.</summary>
    public IDisposable? WaitNotices(TimeSpan stall) => say == null ? null : new Timer(_ =>
        say($"no data for {Quiet.TotalSeconds:0} s; still waiting (this attempt ends after {stall.TotalSeconds:0.###} s of silence, " +
            $"the file after {deadline.TotalSeconds:0.###} s without data)"), null, noticeEvery, noticeEvery);
}
