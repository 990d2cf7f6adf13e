namespace QuickDraw.Experiments;

/// <summary>What a run's folder says before the sweep starts: nothing yet, an interrupted run to resume, or done.</summary>
public enum RunState { New, Resume, Done }
