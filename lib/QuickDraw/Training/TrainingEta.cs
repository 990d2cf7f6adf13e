namespace QuickDraw.Training;

/// <summary>
/// When a run will end, from the pace it keeps after a warm-up: the first report anchors the clock (the steps
/// before it paid for JIT, thread start-up and filling the shuffle buffer), later ones give seconds per step since
/// then, evaluations included. The estimate covers the whole budget: the steps left at that pace, or the time cap
/// (<see cref="TrainConfig.MaxSeconds"/>) when that comes first.
/// </summary>
/// <param name="totalSteps">The run's step budget.</param>
/// <param name="maxSeconds">Its time cap in seconds (0 = none).</param>
public sealed class TrainingEta(long totalSteps, double maxSeconds = 0)
{
    long anchorStep = -1;
    double anchorSeconds;

    /// <summary>Seconds per step since the anchor (null until two reports have come).</summary>
    public double? SecondsPerStep { get; private set; }

    /// <summary>Takes a report (step, seconds on the run's clock) and returns the seconds left, or null while
    /// the pace is not measured yet.</summary>
    public double? Observe(long step, double seconds)
    {
        if (anchorStep < 0 || step < anchorStep) { anchorStep = step; anchorSeconds = seconds; SecondsPerStep = null; return null; }
        var left = SecondsLeft(anchorStep, anchorSeconds, step, seconds, totalSteps, maxSeconds);
        if (step > anchorStep) SecondsPerStep = (seconds - anchorSeconds) / (step - anchorStep);
        return left;
    }

    /// <summary>The estimate itself, a pure function: the run went from (<paramref name="fromStep"/>,
    /// <paramref name="fromSeconds"/>) to (<paramref name="step"/>, <paramref name="seconds"/>); how many seconds
    /// until it has done <paramref name="totalSteps"/> or reached <paramref name="maxSeconds"/> (0 = no cap)?
    /// Null when no step has passed since the anchor.</summary>
    public static double? SecondsLeft(long fromStep, double fromSeconds, long step, double seconds, long totalSteps, double maxSeconds)
    {
        if (step >= totalSteps) return 0;
        if (step <= fromStep) return null;
        double pace = Math.Max(0, seconds - fromSeconds) / (step - fromStep);
        double left = (totalSteps - step) * pace;
        if (maxSeconds > 0) left = Math.Min(left, Math.Max(0, maxSeconds - seconds));
        return left;
    }

    /// <summary>A duration for people: "42 s", "3 min 05 s", "2 h 07 min".</summary>
    public static string Format(double seconds)
    {
        var s = (long)Math.Round(Math.Max(0, seconds));
        return s < 60 ? $"{s} s" : s < 3600 ? $"{s / 60} min {s % 60:00} s" : $"{s / 3600} h {s / 60 % 60:00} min";
    }
}
