using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Tests.Scripts;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Experiments;

/// <summary><c>sweep.cs --launcher slurm</c> as users run it (a real process): the dry run prints the batch script,
/// bad values exit 2, a machine without sbatch gets the command that fixes it, --status reads a sweep's state.</summary>
[Collection(ScriptsCollection.Name)]
public class SlurmSweepScriptTests(ITestOutputHelper output)
{
    [Fact]
    public void TheDryRunPrintsTheBatchScriptWithTheOptionsGiven()
    {
        var sweep = Path.Combine(RepoPaths.Experiments, "smoke");
        string[] Files() => Directory.Exists(sweep) ? Directory.GetFiles(sweep, "*", SearchOption.AllDirectories) : [];
        var before = Files();
        var r = Sweep("--spec", "smoke", "--launcher", "slurm", "--gpus-per-run", "1", "--cpus-per-run", "4", "--time", "04:00:00",
            "--max-parallel", "2", "--sbatch", "--account=lab --qos=long", "--dry-run");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Err}");
        foreach (var line in new[] { "#!/bin/bash", "#SBATCH --job-name=qd-smoke", "#SBATCH --array=0-3%2", "#SBATCH --cpus-per-task=4", "#SBATCH --gres=gpu:1",
                     "#SBATCH --time=04:00:00", "#SBATCH --signal=B:USR1@120", "#SBATCH --requeue", "#SBATCH --account=lab", "#SBATCH --qos=long", "set -euo pipefail" })
            Assert.Contains(line + "\n", r.Out);
        Assert.Contains($"--output={Path.Combine(RepoPaths.Experiments, "smoke", "slurm", "logs")}/%A_%a.log", r.Out);
        Assert.Contains("artifacts/sweep-task/cuda-", r.Out); // GPUs: the CUDA build
        Assert.Equal(before, Files()); // a dry run writes nothing
    }

    [Theory]
    [InlineData("--time", "4h", "--time '4h' is not a SLURM time")]
    [InlineData("--launcher", "k8s", "--launcher 'k8s' is not one: use local or slurm")]
    [InlineData("--sbatch", "--array=0-3", "--sbatch: --array is set by the launcher")]
    public void ABadValueExits2WithAMessage(string option, string value, string message)
    {
        string[] args = option == "--launcher" ? ["--spec", "smoke", "--launcher", value, "--dry-run"] : ["--spec", "smoke", "--launcher", "slurm", option, value, "--dry-run"];
        var r = Sweep(args);
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Out} {r.Err}");
        Assert.Contains($"error: {message}", r.Err);
    }

    [Fact]
    public void WithoutSbatchOnThePathASubmissionSaysHowToGetACluster()
    {
        var dotnet = Path.GetDirectoryName(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath)!;
        Assert.False(File.Exists(Path.Combine(dotnet, "sbatch")));
        var r = Sweep(["--spec", "smoke", "--launcher", "slurm"], ("PATH", dotnet));
        Assert.True(r.Code == 1, $"exit {r.Code}: {r.Out} {r.Err}");
        Assert.Contains("error: sbatch not found on PATH: run this on a SLURM login node, or start a single-node SLURM here: sudo bash scripts/slurm-local.sh start", r.Err);
        Assert.DoesNotContain("   at ", r.Err); // no stack trace
    }

    [Fact]
    public void StatusListsEveryRunsState()
    {
        var r = Sweep("--spec", "smoke", "--status");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Err}");
        Assert.Contains("conv16_k3_lstm1x16", r.Out);
        Assert.Contains("4 runs: ", r.Out);
    }

    (int Code, string Out, string Err) Sweep(params string[] args) => Sweep(args, []);

    (int Code, string Out, string Err) Sweep(string[] args, params (string Name, string Value)[] env)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", Path.Combine("scripts", "sweep.cs"), "--" }.Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in env) psi.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); Assert.Fail("sweep.cs ran over 5 minutes"); }
        output.WriteLine($"sweep.cs {string.Join(' ', args)}: exit {p.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
