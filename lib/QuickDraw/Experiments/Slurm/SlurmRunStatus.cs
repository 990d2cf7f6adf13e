namespace QuickDraw.Experiments.Slurm;

/// <summary>A run's state with the array task that last had it (<c>job_task</c>), its log and a detail line.</summary>
public sealed record SlurmRunStatus(int Index, string Run, SlurmRunState State, string? Task, string? Log, string Detail)
{
    /// <summary>Whether a task of a submitted job has it (pending or running): a resubmission leaves it to that task.</summary>
    public bool Active => State is SlurmRunState.Pending or SlurmRunState.Running;
}
