using QuickDraw.Training;

namespace QuickDraw.Experiments.Slurm;

/// <summary>
/// The state of every run of a cluster sweep, from its run folder (finished, checkpoint, steps so far), the sweep's
/// submissions (<see cref="SlurmJobRecord"/>) and SLURM's view of their tasks (<c>scontrol show job</c>, which knows
/// a finished job for MinJobAge; after that the run folder and the log decide). No accounting storage needed.
/// </summary>
public static class SlurmStatus
{
    /// <summary>One row per run of <paramref name="plan"/>; <paramref name="slurm"/> null (or without SLURM) reads the files only.</summary>
    public static IReadOnlyList<SlurmRunStatus> Read(IReadOnlyList<PlannedRun> plan, string sweepFolder, SlurmCommands? slurm)
    {
        var records = SlurmJobRecord.ReadAll(sweepFolder);
        var jobs = new Dictionary<long, IReadOnlyList<SlurmTaskState>>();
        IReadOnlyList<SlurmTaskState> TasksOf(long job)
        {
            if (!jobs.TryGetValue(job, out var tasks)) jobs[job] = tasks = slurm is { Available: true } ? slurm.Tasks(job) : [];
            return tasks;
        }

        var rows = new List<SlurmRunStatus>();
        for (int i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            var folder = p.Folder;
            var record = records.LastOrDefault(r => r.Tasks.Any(t => t.Run == p.Run.Name));
            if (record == null)
            {
                rows.Add(new SlurmRunStatus(i, p.Run.Name, folder.IsComplete ? SlurmRunState.Done : folder.HasCheckpoint ? SlurmRunState.Stopped : SlurmRunState.NotSubmitted,
                    null, null, folder.IsComplete ? Finished(folder) : folder.HasCheckpoint ? Progress(folder, p.Run) + " (trained here, not on the cluster)" : ""));
                continue;
            }
            var task = record.Tasks.First(t => t.Run == p.Run.Name);
            var id = $"{record.JobId}_{task.Index}";
            var log = BatchPlan.LogOf(sweepFolder, record.JobId, task.Index);
            var seen = TasksOf(record.JobId).FirstOrDefault(t => t.TaskId == task.Index);
            rows.Add(Row(i, p, id, log, seen));
        }
        return rows;
    }

    static SlurmRunStatus Row(int i, PlannedRun p, string id, string log, SlurmTaskState? seen)
    {
        var folder = p.Folder;
        var name = p.Run.Name;
        var where = seen is { Node.Length: > 0 } ? $" on {seen.Node}" : "";
        switch (seen?.State)
        {
            case "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" or "SUSPENDED" or "RESV_DEL_HOLD" or "SPECIAL_EXIT":
                return new(i, name, SlurmRunState.Pending, id, log, $"{seen.State.ToLowerInvariant()} ({seen.Reason})" + (folder.HasCheckpoint ? $"; resumes from {Progress(folder, p.Run)}" : ""));
            case "RUNNING" or "CONFIGURING" or "COMPLETING" or "SIGNALING" or "STAGE_OUT" or "RESIZING":
                return new(i, name, SlurmRunState.Running, id, log, $"{Progress(folder, p.Run)}{where}" + (seen.Restarts > 0 ? $", restart {seen.Restarts}" : ""));
        }
        if (folder.IsComplete) return new(i, name, SlurmRunState.Done, id, log, Finished(folder));
        switch (seen?.State)
        {
            case "CANCELLED" or "TIMEOUT" or "PREEMPTED" or "DEADLINE":
                return new(i, name, SlurmRunState.Stopped, id, log, $"{seen.State.ToLowerInvariant()}{where}; " +
                    (folder.HasCheckpoint ? $"checkpoint at {Progress(folder, p.Run)}: resubmit to resume" : "no checkpoint: resubmit to start it again"));
            case { } state:
                return new(i, name, SlurmRunState.Failed, id, log, $"{state.ToLowerInvariant()}, exit {seen.ExitCode}{where}: see the log");
        }
        // SLURM no longer knows the task (or cannot be asked): the files tell.
        if (folder.HasCheckpoint) return new(i, name, SlurmRunState.Stopped, id, log, $"checkpoint at {Progress(folder, p.Run)}: resubmit to resume");
        return new(i, name, SlurmRunState.Failed, id, log, File.Exists(log) ? "ended without a checkpoint: see the log" : "never started (no log)");
    }

    static string Finished(RunFolder folder)
    {
        var s = folder.ReadSummary();
        return $"{s.Steps:N0} steps, top-1 {s.Final?.Top1 ?? double.NaN:P1}";
    }

    static string Progress(RunFolder folder, SweepRun run)
    {
        MetricsRow last;
        try { last = folder.ReadMetrics().LastOrDefault(); }
        catch (Exception e) when (e is FormatException or IOException) { return "step ?"; } // a line being written
        long step = last.Step;
        if (File.Exists(folder.SummaryFile)) step = Math.Max(step, folder.ReadSummary().Steps); // a stopped run's checkpoint
        return run.Train.Steps < Sweep.UnboundedSteps ? $"step {step:N0}/{run.Train.Steps:N0}" : $"step {step:N0} ({last.Seconds / 60:F1} of {run.Train.MaxSeconds / 60:0.#} min)";
    }
}
