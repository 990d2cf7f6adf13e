using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Training;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Scripts;

/// <summary>The scripts build the lib's sources themselves (file-based programs) and use both cores: they run alone,
/// after the parallel tests, so they slow nothing that is timed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScriptsCollection
{
    public const string Name = "Scripts";
}

/// <summary>
/// The scripts as users run them, <c>dotnet run scripts/x.cs -- ...</c>, real processes: every one answers
/// <c>--help</c> and turns a bad option into exit code 2 with a message; the main job runs end to end.
/// </summary>
[Collection(ScriptsCollection.Name)]
public class ScriptsTests(ITestOutputHelper output)
{
    static string[] ScriptFiles() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "scripts"), "*.cs").Select(f => Path.GetFileName(f)).Order()];

    public static TheoryData<string> Scripts() => [.. ScriptFiles()];

    [Fact]
    public void EveryScriptIsCovered()
    {
        // The scripts a user is told about in the README: every one of them has --help (below).
        Assert.Equal(["compare.cs", "convert.cs", "download.cs", "evaluate.cs", "main.cs", "play.cs", "predict.cs", "run-notebook.cs", "sweep.cs", "train.cs"],
            ScriptFiles());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void AnswersHelpAndRejectsABadOption(string script)
    {
        var help = Run(script, ["--help"]);
        Assert.True(help.Code == 0, $"{script} --help exited {help.Code}: {help.Err}");
        Assert.Matches(@"(?i)usage: ", help.Out);
        Assert.Contains("--help", help.Out);

        var bad = Run(script, ["--no-such-option"]);
        Assert.True(bad.Code == 2, $"{script} --no-such-option exited {bad.Code}: {bad.Out} {bad.Err}");
        Assert.Contains("error: unknown option --no-such-option", bad.Err);
    }

    [Theory]
    [InlineData("train.cs", new[] { "--data", "--run", "--resume", "--settings-table" })]
    [InlineData("main.cs", new[] { "--data", "--run" })]
    public void TheTrainingScriptsOptionsAreTheSettingsTable(string script, string[] own)
    {
        // Every setting of the table is an option of the script, spelled as the table spells it, and nothing else is.
        var help = Run(script, ["--help"]);
        Assert.True(help.Code == 0, help.Err);
        var options = System.Text.RegularExpressions.Regex.Matches(help.Out, @"^  (--[a-z][a-z0-9-]*)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);
        var expected = QuickDraw.Configuration.Settings.All.Select(s => s.Option).Concat(own).Append("--preset").Append("--help");
        Assert.Equal(expected.Order(), options.Order());
    }

    [Fact]
    public void TheMainJobRunsEndToEndOnGeneratedDoodles()
    {
        // What the README's first command runs after its set-up (main.sh execs main.cs), cut to 80 steps, in a
        // scratch root: generated doodles → shards → training → full evaluation, per-class table, confusion matrix.
        using var root = new TempDir();
        var r = Run("main.cs", ["--data", "synthetic", "--steps", "80", "--eval-every-steps", "40", "--run", "smoke"],
            ("QUICKDRAW_ROOT", root.Path), ("QUICKDRAW_SAMPLE", root.File("no-sample")));
        Assert.True(r.Code == 0, $"main.cs exited {r.Code}:\n{r.Out}\n{r.Err}");
        var run = new RunFolder(Path.Combine(root.Path, "experiments", "runs", "smoke"));
        foreach (var file in new[] { "config.json", "classes.txt", "metrics.csv", "summary.json", "model.bin", "confusion.csv" })
            Assert.True(File.Exists(Path.Combine(run.Path, file)), $"no {file} in the run folder");
        Assert.Equal("main", run.ReadConfig().Preset);                // recorded: the settings started from the preset 'main'
        var shards = run.ReadConfig().Data;
        Assert.StartsWith(Path.Combine(root.Path, "data", "shards") + Path.DirectorySeparatorChar, shards);
        Assert.True(File.Exists(Path.Combine(shards, "training.tfrecord.classes")));
        Assert.Contains("budget 80 steps", r.Out);
        // The pace, measured after the first report: an ETA from the second one on (a long line may wrap once).
        Assert.Matches(@"step +75/80 [^\n]*ex/s[^\n]*\n?[^\n]*ETA \d", r.Out);
        var summary = run.ReadSummary();
        output.WriteLine($"main job: {summary.Final}");
        Assert.Equal(80, summary.Steps);
        Assert.True(summary.Completed);
        Assert.Equal(3000, summary.Final!.Examples);                 // the full eval set: 10 classes × 300
        Assert.True(summary.Final.Top1 > 0.3, $"top-1 {summary.Final.Top1:P1} after 80 steps (chance: 10%)");
        Assert.Contains("most confused", r.Out);
        Assert.Contains("while drawing", r.Out);
    }

    [Fact]
    public void CtrlCWritesACheckpointAndResumeFinishesTheRun()
    {
        // train.cs as a user runs it; SIGINT (what Ctrl-C sends) once training is under way, then --resume.
        using var dir = new TempDir();
        var data = dir.File("shards");
        QuickDraw.Shards.DoodleShards.Write(data, trainPerClass: 60, evalPerClass: 10);
        var runPath = dir.File("run");
        string[] args = ["--data", data, "--run", runPath, "--steps", "3000", "--batch-size", "8", "--num-conv", "8", "--conv-len", "3",
            "--num-layers", "1", "--num-nodes", "8", "--log-every-steps", "5", "--eval-every-steps", "100000", "--checkpoint-every-steps", "100000", "--threads", "1"];

        // `env --default-signal=INT`: as in a terminal, where Ctrl-C's signal is not ignored; a test host started in the
        // background of a non-interactive shell ignores SIGINT, and its children would inherit that.
        var psi = Psi(["env", "--default-signal=INT", "dotnet", "run", Path.Combine("scripts", "train.cs"), "--", .. args]);
        using var p = Process.Start(psi)!;
        // A hung program must fail the test, not hang it: kill the whole tree after 4 minutes (ReadLine then ends).
        using var watchdog = new Timer(_ => { try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } },
            null, TimeSpan.FromMinutes(4), Timeout.InfiniteTimeSpan);
        var stderr = p.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        int app = 0;
        string signalled = "";
        while (p.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
            if (app == 0 && line.Contains("train loss"))
            {
                // `dotnet run` starts the program as its child; a terminal's Ctrl-C reaches both, the program acts on it.
                app = ChildOf(p.Id, "train");
                signalled = $"pid {app}: {File.ReadAllText($"/proc/{app}/cmdline").Replace('\0', ' ')}; SigIgn {File.ReadAllLines($"/proc/{app}/status").FirstOrDefault(l => l.StartsWith("SigIgn"))}";
                using var kill = Process.Start("kill", ["-INT", app.ToString()]);
                kill.WaitForExit();
            }
        }
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "train.cs did not stop after SIGINT");
        output.WriteLine(string.Join('\n', lines.TakeLast(5)));
        Assert.True(app != 0, "training never logged a step:\n" + string.Join('\n', lines) + stderr.Result);
        Assert.True(p.ExitCode == 130 && stderr.Result.Contains("stopping after the current step"),
            $"exit code {p.ExitCode} after SIGINT to {signalled}:\n{stderr.Result}\n{string.Join('\n', lines.Take(8))}");
        var run = new RunFolder(runPath);
        Assert.True(run.HasCheckpoint);
        var stopped = run.ReadSummary();
        Assert.False(stopped.Completed);
        Assert.InRange(stopped.Steps, 5, 2999);

        var resumed = Run("train.cs", ["--run", runPath, "--resume", "--threads", "1"]);
        Assert.True(resumed.Code == 0, $"--resume exited {resumed.Code}: {resumed.Err}");
        var done = run.ReadSummary();
        Assert.True(done.Completed);
        Assert.Equal(3000, done.Steps);
        Assert.Equal(Enumerable.Range(1, 600).Select(i => 5L * i), run.ReadMetrics().Where(r => r.Split == "train").Select(r => r.Step));
    }

    (int Code, string Out, string Err) Run(string script, string[] args, params (string Name, string Value)[] env) =>
        Start(["dotnet", "run", Path.Combine("scripts", script), "--", .. args], env);

    // The program `dotnet run` started: the child of `pid` whose command line names it (a compiler server the build
    // left running is a child too). Scans /proc/<pid>/stat: "pid (comm) state ppid ...".
    static int ChildOf(int pid, string program)
    {
        var children = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string stat, cmdline;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // it ended meanwhile
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1]) == pid && cmdline.Contains(program)) children.Add(int.Parse(Path.GetFileName(dir)));
        }
        return Assert.Single(children);
    }

    static ProcessStartInfo Psi(string[] command, params (string Name, string Value)[] env)
    {
        var psi = new ProcessStartInfo(command[0]) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        foreach (var (name, value) in env) psi.Environment[name] = value;
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["COLUMNS"] = "120";
        return psi;
    }

    (int Code, string Out, string Err) Start(string[] command, params (string Name, string Value)[] env)
    {
        var psi = Psi(command, env);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); Assert.Fail($"{string.Join(' ', command)} ran over 5 minutes"); }
        output.WriteLine($"{string.Join(' ', command)}: exit {p.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
