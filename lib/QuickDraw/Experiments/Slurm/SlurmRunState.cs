namespace QuickDraw.Experiments.Slurm;

/// <summary>Where a run of a cluster sweep stands.</summary>
public enum SlurmRunState
{
    /// <summary>Never submitted (and not trained locally either).</summary>
    NotSubmitted,
    /// <summary>Queued (or requeued), waiting for resources or its begin time.</summary>
    Pending,
    Running,
    /// <summary>Its run folder holds a finished run.</summary>
    Done,
    /// <summary>Cancelled, timed out or preempted: resubmitting the sweep continues it (from its checkpoint when it has one).</summary>
    Stopped,
    /// <summary>The task failed: its log says why. Resubmitting the sweep tries it again.</summary>
    Failed,
}
