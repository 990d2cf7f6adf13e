using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Shards;
using QuickDraw.Tests.Scripts;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Hostile;

/// <summary>The scripts as a user runs them on bad input: one line on stderr ("error: where: what; what to do"), a
/// non-zero exit code, no stack trace.</summary>
[Collection(ScriptsCollection.Name)]
public class HostileScriptsTests(ITestOutputHelper output)
{
    [Fact]
    public void BadInputEndsInOneLineAndANonZeroExitCode()
    {
        using var dir = new TempDir();

        // A class file whose name holds a newline: refused before anything is written.
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        File.WriteAllText(Path.Combine(input, "cat\nsneaky.ndjson"), """{"word":"cat","drawing":[[[0,1,2],[0,1,0]]]}""" + "\n");
        var convert = Run("convert.cs", "--input", input, "--output", dir.File("out"));
        OneLineError(convert, 1, $"error: {input}/cat\\nsneaky.ndjson: the class name holds a control character (U+000A) in \"cat\\nsneaky\"; rename the file: its name without the extension is the class name");
        Assert.False(Directory.Exists(dir.File("out")));

        // Hyperparameters: NaN and an absurd batch are refused at once, before any data is read.
        var shards = dir.File("shards");
        DoodleShards.Write(shards, trainPerClass: 8, evalPerClass: 4, classes: ["circle", "line"]);
        OneLineError(Run("train.cs", "--data", shards, "--run", dir.File("nan"), "--lr", "NaN"), 1,
            "error: --learning-rate (learning_rate) must be a finite number > 0 and ≤ 1, not NaN");
        var huge = Run("train.cs", "--data", shards, "--run", dir.File("huge"), "--batch-size", "100000000");
        OneLineError(huge, 1, "error: --batch-size (batch_size) must be 1 to 16,384, not 100,000,000");

        // A trained run evaluated on a corrupt eval shard: the file and byte offset, and what to do.
        var run = dir.File("run");
        var trained = Run("train.cs", "--data", shards, "--run", run, "--steps", "2", "--batch-size", "4", "--num-conv", "4", "--conv-len", "3",
            "--num-layers", "1", "--num-nodes", "4", "--eval-every-steps", "1000", "--threads", "1");
        Assert.True(trained.Code == 0, $"train.cs exited {trained.Code}: {trained.Err}");
        // The same run name again, and a resume with a thread count out of range: one line each, no stack trace.
        OneLineError(Run("train.cs", "--data", shards, "--run", run, "--steps", "2"), 2,
            $"error: {run}: the folder already holds a run; pass --resume to continue it, or choose another run name");
        OneLineError(Run("train.cs", "--run", run, "--resume", "--threads", "-1"), 2,
            $"error: {run}: --threads (threads) must be 0 to 1,024, not -1; fix the setting (every setting's range: docs/settings.md)");
        var damaged = Directory.CreateDirectory(dir.File("damaged")).FullName;
        foreach (var f in Directory.GetFiles(shards)) File.Copy(f, Path.Combine(damaged, Path.GetFileName(f)));
        var eval = ShardLayout.Shards(damaged, ShardLayout.EvalPrefix)[0];
        var bytes = File.ReadAllBytes(eval);
        bytes[40] ^= 0xff;
        File.WriteAllBytes(eval, bytes);
        OneLineError(Run("evaluate.cs", "--run", run, "--data", damaged, "--device", "cpu"), 1,
            $"error: {eval}: corrupt record at byte 0: data CRC mismatch; the file is damaged: convert (or download) it again");

        // An empty model.bin.
        File.WriteAllBytes(Path.Combine(run, "model.bin"), []);
        OneLineError(Run("evaluate.cs", "--run", run, "--device", "cpu"), 1,
            $"error: {run}/model.bin: the model cannot be read (the file is empty); rewrite it from the run's checkpoint: dotnet run scripts/train.cs -- --run <this run> --resume");
    }

    static void OneLineError((int Code, string Out, string Err) r, int code, string line)
    {
        Assert.True(r.Code == code, $"exit {r.Code}, expected {code}:\n{r.Out}\n{r.Err}");
        // libtorch's own warnings ("[W1201 16:45:27.64 rnn.cpp:68] Warning: ...") are not ours to word.
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[W\d{4} ")).ToList();
        Assert.Equal([line], lines);
        Assert.DoesNotContain("   at ", r.Out + r.Err);
    }

    static ProcessStartInfo Psi(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["run", Path.Combine("scripts", script), "--", .. args]) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["COLUMNS"] = "400";
        return psi;
    }

    (int Code, string Out, string Err) Run(string script, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(Psi(script, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); Assert.Fail($"{script} ran over 5 minutes"); }
        output.WriteLine($"{script} {string.Join(' ', args)}: exit {p.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
