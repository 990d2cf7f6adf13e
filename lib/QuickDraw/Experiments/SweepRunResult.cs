using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>A run's outcome and its summary.</summary>
public sealed record SweepRunResult(PlannedRun Plan, RunOutcome Outcome, RunSummary Summary);
