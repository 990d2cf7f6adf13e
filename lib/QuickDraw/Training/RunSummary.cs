namespace QuickDraw.Training;

/// <summary>The outcome of a run, written as summary.json.</summary>
public sealed record RunSummary
{
    public long Steps { get; init; }
    public double Seconds { get; init; }
    public long Examples { get; init; }
    public double ExamplesPerSecond { get; init; }
    public long Parameters { get; init; }
    public string Device { get; init; } = "";
    public EvalMetrics? Final { get; init; }
    public EvalMetrics? Best { get; init; }
    public long BestStep { get; init; }
    public bool Completed { get; init; }
    public string Label { get; init; } = "";
}
