namespace QuickDraw.Training;

/// <summary>What the trainer reports as it goes (logs, evaluations, checkpoints).</summary>
public sealed record TrainingProgress(long Step, long TotalSteps, double Seconds, double Loss, double Top1, double ExamplesPerSecond)
{
    /// <summary>Set when this report is an evaluation.</summary>
    public EvalMetrics? Eval { get; init; }
    /// <summary>A line for the user (checkpoint written, resumed, stopped).</summary>
    public string? Message { get; init; }
}
