namespace QuickDraw.Experiments.Slurm;

/// <summary>
/// Runs a sweep on a SLURM cluster: one <c>sbatch --array</c> job per submission, one array task per run that is
/// neither done nor already queued, each training its run through the published task program (see
/// <see cref="SweepTask"/>) into the same <c>experiments/&lt;sweep&gt;/&lt;run&gt;/</c> folder a local sweep uses.
/// Submitting again is how a sweep is resumed: finished runs are skipped, interrupted ones continue from their
/// checkpoints, failed ones are tried again.
/// </summary>
public sealed class SlurmLauncher(SweepPaths paths, SlurmCommands slurm, SweepTaskBuild build)
{
    /// <summary>The local runner's view of the same sweep (folders, plan).</summary>
    public SweepRunner Runner { get; } = new(paths);

    /// <summary>The Torch backend the task program is published with: CUDA when runs get GPUs.</summary>
    public static string Backend(SlurmOptions options) => options.GpusPerRun > 0 ? "cuda" : "cpu";

    /// <summary>
    /// Plans the submission and, unless <paramref name="dryRun"/>, carries it out: prepares the data once, copies the
    /// spec into the sweep folder, publishes the task program (once per source version), writes the batch script
    /// into <c>experiments/&lt;sweep&gt;/slurm/</c> and submits it. A dry run needs no SLURM and changes nothing.
    /// </summary>
    public SlurmSubmission Submit(SweepSpec spec, SlurmOptions options, bool dryRun = false, Action<string>? say = null)
    {
        options.Validate();
        if (!dryRun) slurm.Find("sbatch");
        // A dry run works anywhere: without SLURM, or with its controller down, it checks what it can and says so.
        string? unasked = null;
        T Ask<T>(Func<T> query, Func<T> fallback)
        {
            if (!slurm.Available) return fallback();
            try { return query(); }
            catch (SlurmException e) when (dryRun) { unasked ??= $"could not ask SLURM ({e.Message}): partition and queue not checked"; return fallback(); }
        }
        if (options.Partition != null) Ask(() => { slurm.CheckPartition(options.Partition); return 0; }, () => 0);
        var folder = Runner.SweepFolder(spec);
        var plan = Runner.Plan(spec);
        var status = Ask(() => SlurmStatus.Read(plan, folder, slurm), () => SlurmStatus.Read(plan, folder, null));
        var tasks = new List<SlurmTask>();
        var skipped = new List<(string, string)>();
        for (int i = 0; i < plan.Count; i++)
        {
            if (plan[i].State == RunState.Done) skipped.Add((plan[i].Run.Name, "done"));
            else if (status[i].Active) skipped.Add((plan[i].Run.Name, $"{status[i].State.ToString().ToLowerInvariant()} in {status[i].Task}"));
            else tasks.Add(new SlurmTask(i, plan[i].Run.Name));
        }
        var now = DateTimeOffset.UtcNow;
        var script = Path.Combine(BatchPlan.SlurmFolderOf(folder), $"sweep-{now:yyyyMMdd-HHmmss}.sbatch");
        if (tasks.Count == 0) return new SlurmSubmission(null, script, "", tasks, skipped, null);

        var backend = Backend(options);
        var batch = new BatchPlan(spec.Name, folder, tasks, build.App(backend), paths.Root, paths.Data, paths.SharedSample);
        var text = BatchScript.Write(batch, options, now);
        var warning = Ask(() => SharedFilesystem.Warning(folder, slurm.Nodes(options.Partition)), () => null) ?? unasked;
        if (dryRun) return new SlurmSubmission(null, script, text, tasks, skipped, warning);

        spec.Data.Prepare(paths, say); // once, here: the tasks then find it converted
        Directory.CreateDirectory(Path.Combine(BatchPlan.SlurmFolderOf(folder), "logs"));
        if (spec.Json.Length > 0) Training.RunFolder.WriteAtomically(Path.Combine(folder, SweepRunner.SpecCopy), spec.Json);
        var app = build.Publish(backend, say);
        if (app != batch.App) throw new SlurmException($"the sources changed while publishing ({app}): submit again");
        File.WriteAllText(script, text);
        var job = slurm.Submit(script);
        SlurmJobRecord.Append(folder, new SlurmJobRecord(job, now.ToString("u"), script, tasks));
        return new SlurmSubmission(job, script, text, tasks, skipped, warning);
    }

    /// <summary>Every run's state (see <see cref="SlurmStatus"/>).</summary>
    public IReadOnlyList<SlurmRunStatus> Status(SweepSpec spec) => SlurmStatus.Read(Runner.Plan(spec), Runner.SweepFolder(spec), slurm);

    /// <summary>Polls <see cref="Status"/> until no run is pending or running (or <paramref name="cancel"/> fires);
    /// <paramref name="changed"/> sees each new state of the sweep.</summary>
    public IReadOnlyList<SlurmRunStatus> Wait(SweepSpec spec, TimeSpan poll, Action<IReadOnlyList<SlurmRunStatus>>? changed = null, CancellationToken cancel = default)
    {
        string last = "";
        while (true)
        {
            var rows = Status(spec);
            var key = string.Join('\n', rows.Select(r => $"{r.Run} {r.State} {r.Task}"));
            if (key != last) { changed?.Invoke(rows); last = key; }
            if (!rows.Any(r => r.Active) || cancel.IsCancellationRequested) return rows;
            cancel.WaitHandle.WaitOne(poll);
        }
    }
}
