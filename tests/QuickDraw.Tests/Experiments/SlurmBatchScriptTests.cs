using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Experiments;
using QuickDraw.Experiments.Slurm;

namespace QuickDraw.Tests.Experiments;

/// <summary>The cluster launcher's pieces that need no cluster: the batch script, the options, scontrol's output,
/// the shared-filesystem check, and a machine without SLURM.</summary>
public class SlurmBatchScriptTests
{
    static BatchPlan Plan(params SlurmTask[] tasks) =>
        new("real15", "/shared/qd/experiments/real15", tasks, "/shared/qd/artifacts/sweep-task/cpu-abc/QuickDraw.SweepTask", "/shared/qd", "/shared/qd/data", null);

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, 0, "0-3")]
    [InlineData(new[] { 9, 1, 3, 4, 5 }, 2, "1,3-5,9%2")]
    [InlineData(new[] { 7 }, 0, "7")]
    public void ArraySpecsAreCompactAndRoundTrip(int[] indices, int maxParallel, string expected)
    {
        Assert.Equal(expected, BatchScript.ArraySpec(indices, maxParallel));
        Assert.Equal(indices.Order(), BatchScript.ParseArraySpec(expected));
    }

    [Fact]
    public void ScontrolsPendingRangesAndStridesAreParsed()
    {
        Assert.Equal([2, 3, 4, 5], BatchScript.ParseArraySpec("2-5%1"));
        Assert.Equal([0, 1, 2], BatchScript.ParseArraySpec("[0-2]"));
        Assert.Equal([0, 2, 4, 6], BatchScript.ParseArraySpec("0-6:2"));
    }

    [Fact]
    public void TheBatchScriptIsOneAnAdminAccepts()
    {
        var options = new SlurmOptions { Partition = "gpu", GpusPerRun = 1, CpusPerRun = 8, Time = "04:00:00", MaxParallel = 3, SbatchOptions = ["--account=lab", "--qos=long"] };
        var text = BatchScript.Write(Plan(new SlurmTask(0, "conv16-32_k5-3_lstm1x64"), new SlurmTask(2, "conv48-64-96_k5-5-3_lstm3x128")), options, DateTimeOffset.UnixEpoch);
        var lines = text.Split('\n');
        Assert.Equal("#!/bin/bash", lines[0]);
        var sbatch = lines.Where(l => l.StartsWith("#SBATCH ")).ToList();
        Assert.Equal([
            "#SBATCH --job-name=qd-real15", "#SBATCH --array=0,2%3", "#SBATCH --nodes=1", "#SBATCH --ntasks=1", "#SBATCH --cpus-per-task=8",
            "#SBATCH --gres=gpu:1", "#SBATCH --partition=gpu", "#SBATCH --time=04:00:00",
            "#SBATCH --output=/shared/qd/experiments/real15/slurm/logs/%A_%a.log", "#SBATCH --open-mode=append",
            "#SBATCH --signal=B:USR1@120", "#SBATCH --requeue", "#SBATCH --account=lab", "#SBATCH --qos=long"], sbatch);
        // sbatch stops reading #SBATCH lines at the first command: every one of them comes before it.
        int firstCommand = Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith('#'));
        Assert.Equal("set -euo pipefail", lines[firstCommand]);
        Assert.True(Array.FindLastIndex(lines, l => l.StartsWith("#SBATCH")) < firstCommand);
        Assert.Contains("  [2]=conv48-64-96_k5-5-3_lstm3x128", lines);
        Assert.Contains("scontrol requeue \"$task\"", text);
        Assert.Contains("--threads \"${SLURM_CPUS_PER_TASK:-1}\"", text);
        Assert.DoesNotContain("dotnet build", text);
        Assert.DoesNotContain("dotnet run", text);
        BashAccepts(text);
    }

    [Fact]
    public void PathsWithSpacesAndQuotesAreQuotedForBash()
    {
        var plan = Plan(new SlurmTask(0, "conv8_k3_lstm1x8")) with { SweepFolder = "/home/ann's data/experiments/s", Root = "/home/ann's data" };
        var text = BatchScript.Write(plan, new SlurmOptions(), DateTimeOffset.UnixEpoch);
        Assert.Contains("sweep='/home/ann'\\''s data/experiments/s'", text);
        Assert.Contains("cd '/home/ann'\\''s data'", text);
        BashAccepts(text);
    }

    [Theory]
    [InlineData("4h", "--time '4h' is not a SLURM time")]
    [InlineData("1-12:00:00:00", "--time '1-12:00:00:00' is not a SLURM time")]
    public void ABadTimeIsRefused(string time, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => new SlurmOptions { Time = time }.Validate()).Message);

    [Fact]
    public void GoodTimesPass()
    {
        foreach (var t in new[] { "90", "30:00", "04:00:00", "1-12", "1-12:00", "2-00:00:00" }) new SlurmOptions { Time = t }.Validate();
    }

    [Fact]
    public void PassThroughOptionsAreCheckedAndCannotOverrideThePlan()
    {
        Assert.Equal(["--account=lab", "--mail-type=END,FAIL"], SlurmOptions.ParseSbatch(" --account=lab  --mail-type=END,FAIL "));
        Assert.Contains("--array is set by the launcher", Assert.Throws<ArgumentException>(() => SlurmOptions.ParseSbatch("--array=0-9")).Message);
        Assert.Contains("'lab' is not an sbatch option", Assert.Throws<ArgumentException>(() => SlurmOptions.ParseSbatch("--account lab")).Message);
        Assert.Contains("--cpus-per-run must be ≥ 1", Assert.Throws<ArgumentException>(() => new SlurmOptions { CpusPerRun = 0 }.Validate()).Message);
    }

    [Fact]
    public void ScontrolLinesBecomeTaskStates()
    {
        const string text = """
            JobId=12 ArrayJobId=10 ArrayTaskId=2 JobName=qd-s UserId=root(0) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 ExitCode=1:0 NodeList=vm BatchHost=vm
            JobId=10 ArrayJobId=10 ArrayTaskId=3-5%2 JobName=qd-s JobState=PENDING Reason=JobArrayTaskLimit Restarts=0 ExitCode=0:0 NodeList=(null)
            """;
        var tasks = SlurmCommands.ParseJobs(text);
        Assert.Equal([2, 3, 4, 5], tasks.Select(t => t.TaskId));
        Assert.Equal(new SlurmTaskState(10, 2, 12, "FAILED", "NonZeroExitCode", "1:0", "vm", 0), tasks[0]);
        Assert.All(tasks.Skip(1), t => Assert.Equal(("PENDING", "JobArrayTaskLimit", 0L, ""), (t.State, t.Reason, t.JobId, t.Node)));
    }

    const string Mounts = """
        /dev/sda1 / ext4 rw,relatime 0 0
        tmpfs /tmp tmpfs rw 0 0
        nas:/export/home /home nfs4 rw,vers=4.2 0 0
        lfs@o2ib:/scratch /scratch lustre rw 0 0
        """;

    [Fact]
    public void ASweepFolderOnALocalDiskOfAMultiNodeClusterIsWarnedAbout()
    {
        string[] nodes = ["gpu01", "gpu02"];
        var warning = SharedFilesystem.Warning("/tmp/qd/experiments/s", nodes, "login1", Mounts);
        Assert.NotNull(warning);
        Assert.StartsWith("/tmp/qd/experiments/s is on a local filesystem (tmpfs at /tmp), and the partition's nodes (gpu01, gpu02) are other machines", warning);
        Assert.Contains("ext4 at /", SharedFilesystem.Warning("/opt/qd", nodes, "login1", Mounts));
        Assert.Null(SharedFilesystem.Warning("/home/ann/qd/experiments/s", nodes, "login1", Mounts));
        Assert.Null(SharedFilesystem.Warning("/scratch/ann/qd", nodes, "login1", Mounts));
        Assert.Null(SharedFilesystem.Warning("/tmp/qd", ["login1"], "login1.cluster.example", Mounts)); // a single-node cluster: this machine
    }

    [Fact]
    public void WithoutSbatchOnThePathASubmissionSaysWhatToDoAndADryRunStillPrintsTheScript()
    {
        using var dir = new TempDir();
        var paths = new SweepPaths(dir.Path, dir.File("experiments"), dir.File("data"), null);
        var spec = SlurmCluster.Spec("nosbatch", 10, """{ "num_conv": [[8]], "num_nodes": [4, 8] }""");
        var launcher = new SlurmLauncher(paths, new SlurmCommands(dir.File("no-bin")), new SweepTaskBuild(RepoPaths.Root));

        var e = Assert.Throws<SlurmException>(() => launcher.Submit(spec, new SlurmOptions()));
        Assert.Equal("sbatch not found on PATH: run this on a SLURM login node, or start a single-node SLURM here: sudo bash scripts/slurm-local.sh start", e.Message);
        Assert.False(Directory.Exists(paths.Experiments));

        var dry = launcher.Submit(spec, new SlurmOptions(), dryRun: true);
        Assert.Null(dry.JobId);
        Assert.Contains("#SBATCH --array=0-1", dry.ScriptText);
        Assert.False(Directory.Exists(paths.Experiments)); // a dry run writes nothing
        Assert.Equal([SlurmRunState.NotSubmitted, SlurmRunState.NotSubmitted], launcher.Status(spec).Select(r => r.State));
    }

    static void BashAccepts(string script)
    {
        using var dir = new TempDir();
        var file = dir.Write("job.sbatch", script);
        using var p = Process.Start(new ProcessStartInfo("bash", ["-n", file]) { RedirectStandardError = true })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"bash -n: {err}");
    }
}
