namespace QuickDraw.Experiments;

/// <summary>What happened to a run in this sweep.</summary>
public enum RunOutcome { Trained, Resumed, Skipped, Stopped }
