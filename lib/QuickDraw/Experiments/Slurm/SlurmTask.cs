namespace QuickDraw.Experiments.Slurm;

/// <summary>One array task: <paramref name="Index"/> is the run's number in the sweep (0-based, so a run keeps its
/// task id across resubmissions) and <paramref name="Run"/> its folder's name.</summary>
public sealed record SlurmTask(int Index, string Run);
