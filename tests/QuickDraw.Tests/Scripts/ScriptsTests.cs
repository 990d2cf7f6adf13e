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
        Assert.Equal(["compare.cs", "convert.cs", "download.cs", "evaluate.cs", "main.cs", "predict.cs", "run-notebook.cs", "sweep.cs", "train.cs"],
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

    [Fact]
    public void TheMainJobRunsEndToEndOnGeneratedDoodles()
    {
        // What the README's first command runs after its set-up (main.sh execs main.cs), cut to 80 steps, in a
        // scratch root: generated doodles → shards → training → full evaluation, per-class table, confusion matrix.
        using var root = new TempDir();
        var r = Run("main.cs", ["--data", "synthetic", "--steps", "80", "--eval-every", "40", "--run", "smoke"],
            ("QUICKDRAW_ROOT", root.Path), ("QUICKDRAW_SAMPLE", root.File("no-sample")));
        Assert.True(r.Code == 0, $"main.cs exited {r.Code}:\n{r.Out}\n{r.Err}");
        var run = new RunFolder(Path.Combine(root.Path, "experiments", "runs", "smoke"));
        foreach (var file in new[] { "config.json", "classes.txt", "metrics.csv", "summary.json", "model.bin", "confusion.csv" })
            Assert.True(File.Exists(Path.Combine(run.Path, file)), $"no {file} in the run folder");
        Assert.True(File.Exists(Path.Combine(root.Path, "data", "shards", "synthetic", "training.tfrecord.classes")));
        var summary = run.ReadSummary();
        output.WriteLine($"main job: {summary.Final}");
        Assert.Equal(80, summary.Steps);
        Assert.True(summary.Completed);
        Assert.Equal(3000, summary.Final!.Examples);                 // the full eval set: 10 classes × 300
        Assert.True(summary.Final.Top1 > 0.3, $"top-1 {summary.Final.Top1:P1} after 80 steps (chance: 10%)");
        Assert.Contains("most confused", r.Out);
        Assert.Contains("while drawing", r.Out);
    }

    (int Code, string Out, string Err) Run(string script, string[] args, params (string Name, string Value)[] env) =>
        Start(["dotnet", "run", Path.Combine("scripts", script), "--", .. args], env);

    (int Code, string Out, string Err) Start(string[] command, params (string Name, string Value)[] env)
    {
        var psi = new ProcessStartInfo(command[0]) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        foreach (var (name, value) in env) psi.Environment[name] = value;
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["COLUMNS"] = "120";
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); Assert.Fail($"{string.Join(' ', command)} ran over 5 minutes"); }
        output.WriteLine($"{string.Join(' ', command)}: exit {p.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
