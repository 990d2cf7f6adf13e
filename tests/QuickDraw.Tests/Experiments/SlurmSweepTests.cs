using QuickDraw.Experiments;
using QuickDraw.Experiments.Slurm;
using QuickDraw.Training;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Experiments;

/// <summary>Sweeps through a real SLURM (the single-node cluster of scripts/slurm-local.sh): sbatch array jobs,
/// scancel, the time-limit signal and requeue, a failing task, bad input.</summary>
[Collection(SlurmCollection.Name)]
public class SlurmSweepTests(SlurmCluster cluster, ITestOutputHelper output)
{
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(0.5);
    static readonly SlurmOptions Options = new();
    const string Grid2x2 = """{ "num_conv": [[4], [8]], "num_nodes": [4, 8] }""";
    const string OneRun = """{ "num_conv": [[8]], "num_nodes": [8] }""";
    const long LongSteps = 200; // long enough to stop midway, short enough for the suite

    [SlurmFact]
    public void ASmokeSweepRunsThroughSbatchToCompletionWithTheRunFoldersOfALocalSweep()
    {
        var spec = SlurmCluster.Spec("smoke2x2", 10, Grid2x2);
        var paths = cluster.NewPaths();
        var launcher = cluster.Launcher(paths);

        var submitted = launcher.Submit(spec, Options);
        Assert.NotNull(submitted.JobId);
        Assert.Equal([0, 1, 2, 3], submitted.Tasks.Select(t => t.Index));
        Assert.Contains("#SBATCH --array=0-3", File.ReadAllText(submitted.Script));
        var rows = WaitForAll(launcher, spec);

        Assert.All(rows, r => Assert.Equal(SlurmRunState.Done, r.State));
        Assert.Equal(submitted.Tasks.Select(t => $"{submitted.JobId}_{t.Index}"), rows.Select(r => r.Task));
        Assert.All(rows, r => Assert.Contains("exit 0", File.ReadAllText(r.Log!)));

        // The same spec as a local sweep: the same folders, configs and metrics (seeded: equal, not close).
        var local = new SweepRunner(cluster.NewPaths());
        local.Run(spec);
        var folder = launcher.Runner.SweepFolder(spec);
        Assert.Equal(Directory.GetDirectories(local.SweepFolder(spec)).Select(Path.GetFileName),
            Directory.GetDirectories(folder).Select(Path.GetFileName).Where(n => n != "slurm"));
        foreach (var p in local.Plan(spec))
        {
            var there = new RunFolder(Path.Combine(folder, p.Run.Name));
            var (a, b) = (p.Folder.ReadConfig(), there.ReadConfig());
            Assert.Equal(Json(a.Model), Json(b.Model));
            Assert.Equal(Json(a.Train), Json(b.Train));
            Assert.Equal(a.Classes, b.Classes);
            Assert.Equal(a.Data, b.Data);
            Assert.Equal(Evals(p.Folder), Evals(there));
            Assert.True(there.IsComplete && File.Exists(there.ModelFile));
        }
        Assert.Equal(spec.Json, File.ReadAllText(Path.Combine(folder, SweepRunner.SpecCopy)));

        // compare.cs reads a cluster sweep as a local one (the slurm/ folder is not a run).
        Assert.Equal(4, RunComparison.Load([folder]).Count);

        // Submitting again finds nothing to do.
        var again = launcher.Submit(spec, Options);
        Assert.Null(again.JobId);
        Assert.Empty(again.Tasks);
        Assert.All(again.Skipped, s => Assert.Equal("done", s.Why));
    }

    [SlurmFact]
    public void ACancelledTaskResumesFromItsCheckpointWhenResubmittedAndEndsAsAnUninterruptedRun()
    {
        var spec = SlurmCluster.Spec("cancel", LongSteps, OneRun, evalEvery: 100);
        var launcher = cluster.Launcher(cluster.NewPaths());
        var first = launcher.Submit(spec, Options);
        var task = $"{first.JobId}_0";
        var run = launcher.Runner.Plan(spec)[0].Folder;
        WaitUntil(() => TrainRows(run) >= 2, "the task to log training steps");

        var (code, _, err) = cluster.Slurm.Run("scancel", task);
        Assert.True(code == 0, err);
        var stopped = WaitForAll(launcher, spec).Single();
        Assert.Equal(SlurmRunState.Stopped, stopped.State);
        Assert.Contains("cancelled", stopped.Detail);
        Assert.Contains("resubmit to resume", stopped.Detail);
        Assert.True(run.HasCheckpoint);
        var atStop = run.ReadSummary();
        Assert.False(atStop.Completed);
        Assert.InRange(atStop.Steps, 10, LongSteps - 1);
        Assert.Contains("SIGTERM: stopping after the current step", File.ReadAllText(stopped.Log!));
        output.WriteLine($"cancelled at step {atStop.Steps}");

        var second = launcher.Submit(spec, Options);
        Assert.Equal([0], second.Tasks.Select(t => t.Index));
        var done = WaitForAll(launcher, spec).Single();
        Assert.Equal(SlurmRunState.Done, done.State);
        Assert.Equal($"{second.JobId}_0", done.Task);
        Assert.Contains($"resumed at step {atStop.Steps}", File.ReadAllText(done.Log!));
        AssertSameAsUninterrupted(spec, run);
    }

    [SlurmFact]
    public void NearTheTimeLimitATaskCheckpointsRequeuesItselfAndResumes()
    {
        // SLURM sends the batch shell USR1 --signal=B:USR1@120 seconds before the time limit; scancel --batch sends
        // the same signal now. The task must checkpoint, requeue itself, and resume when it runs again.
        var spec = SlurmCluster.Spec("requeue", LongSteps, OneRun, evalEvery: 100);
        var launcher = cluster.Launcher(cluster.NewPaths());
        var first = launcher.Submit(spec, Options with { Time = "10" });
        var task = $"{first.JobId}_0";
        var run = launcher.Runner.Plan(spec)[0].Folder;
        WaitUntil(() => TrainRows(run) >= 2, "the task to log training steps");

        var (code, _, err) = cluster.Slurm.Run("scancel", "--batch", "--signal=USR1", task);
        Assert.True(code == 0, err);
        WaitUntil(() => cluster.Slurm.Tasks(first.JobId!.Value).Single().Restarts == 1, "the task to requeue itself");
        Assert.True(run.HasCheckpoint);
        long at = run.ReadSummary().Steps;               // what the checkpoint on USR1 wrote, before the requeued task runs on
        Assert.InRange(at, 10, LongSteps - 1);
        var requeued = launcher.Status(spec).Single();
        // A requeued task may not start again before cred_expire (15 s on the local cluster) after its previous start:
        // pending with a BeginTime when the first run was short, already running again when it took longer than that
        // (a cold first start of the published task on a fresh machine).
        Assert.Contains(requeued.State, new[] { SlurmRunState.Pending, SlurmRunState.Running });
        if (requeued.State == SlurmRunState.Pending) Assert.Contains("BeginTime", requeued.Detail);

        var done = WaitForAll(launcher, spec).Single();
        Assert.Equal(SlurmRunState.Done, done.State);
        Assert.Equal(task, done.Task); // the same array task, run again
        var log = File.ReadAllText(done.Log!);
        Assert.Contains("time limit near: checkpointed; requeueing", log);
        Assert.Contains($"resumed at step {at}", log);
        AssertSameAsUninterrupted(spec, run);
    }

    [SlurmFact]
    public void AFailingTaskIsShownFailedWithItsLogAndTheRestOfTheArrayGoesOn()
    {
        var spec = SlurmCluster.Spec("failing", 10, """{ "num_conv": [[8]], "num_nodes": [4, 8] }""");
        var launcher = cluster.Launcher(cluster.NewPaths());
        var plan = launcher.Runner.Plan(spec);
        Directory.CreateDirectory(launcher.Runner.SweepFolder(spec));
        File.WriteAllText(plan[0].Folder.Path, "a file where the run's folder should be"); // the first run cannot write its folder

        var submitted = launcher.Submit(spec, Options);
        var rows = WaitForAll(launcher, spec);

        Assert.Equal(SlurmRunState.Failed, rows[0].State);
        Assert.Contains("exit 1", rows[0].Detail);
        Assert.Equal(BatchPlan.LogOf(launcher.Runner.SweepFolder(spec), submitted.JobId!.Value, 0), rows[0].Log);
        Assert.Contains("error: ", File.ReadAllText(rows[0].Log!));
        Assert.Equal(SlurmRunState.Done, rows[1].State);
    }

    [SlurmFact]
    public void AnUnknownPartitionIsRefusedBeforeAnythingIsSubmittedAndNamesTheClustersPartitions()
    {
        var spec = SlurmCluster.Spec("partition", 10, OneRun);
        var launcher = cluster.Launcher(cluster.NewPaths());
        var e = Assert.Throws<SlurmException>(() => launcher.Submit(spec, Options with { Partition = "gpu-nosuch" }));
        Assert.Contains("unknown partition 'gpu-nosuch': this cluster has local (default)", e.Message);
        Assert.False(Directory.Exists(launcher.Runner.SweepFolder(spec)));
    }

    // Waits until no run is pending or running (3 minutes at most), and prints the states.
    IReadOnlyList<SlurmRunStatus> WaitForAll(SlurmLauncher launcher, SweepSpec spec)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var rows = launcher.Wait(spec, Poll, r => output.WriteLine($"{DateTime.Now:HH:mm:ss.f} " + string.Join(", ", r.Select(x => $"{x.Run}: {x.State}"))), timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the sweep's tasks did not end in 3 minutes:\n" + string.Join('\n', rows.Select(r => $"{r.Run} {r.State} {r.Detail}")));
        foreach (var r in rows)
        {
            output.WriteLine($"{r.Run}: {r.State} {r.Task} {r.Detail} {r.Log}");
            if (r.State == SlurmRunState.Failed && File.Exists(r.Log)) output.WriteLine(File.ReadAllText(r.Log));
        }
        return rows;
    }

    static void WaitUntil(Func<bool> condition, string what)
    {
        var end = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < end, $"waited 2 minutes for {what}");
            Thread.Sleep(100);
        }
    }

    static int TrainRows(RunFolder run)
    {
        try { return run.ReadMetrics().Count(m => m.Split == "train"); }
        catch (Exception e) when (e is FormatException or IOException) { return 0; } // a line being written
    }

    static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, RunFolder.Json);

    static IEnumerable<(long, double, double, double)> Evals(RunFolder run) =>
        run.ReadMetrics().Where(m => m.Split == "eval").Select(m => (m.Step, m.Loss, m.Top1, m.Top3));

    // The same run, uninterrupted, as a local sweep trains it: the same eval metrics at the same steps, the same weights.
    void AssertSameAsUninterrupted(SweepSpec spec, RunFolder resumed)
    {
        var straight = cluster.Uninterrupted(spec);
        Assert.Equal(Evals(straight), Evals(resumed));
        Assert.Equal(straight.ReadMetrics().Select(m => (m.Step, m.Split)), resumed.ReadMetrics().Select(m => (m.Step, m.Split)));
        var (a, b) = (straight.ReadSummary(), resumed.ReadSummary());
        Assert.Equal(LongSteps, b.Steps);
        Assert.Equal(a.Final, b.Final);
        Assert.Equal(File.ReadAllBytes(straight.ModelFile), File.ReadAllBytes(resumed.ModelFile));
    }
}
