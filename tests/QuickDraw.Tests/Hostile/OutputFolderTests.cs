using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Shards;
using QuickDraw.TfRecord;

namespace QuickDraw.Tests.Hostile;

/// <summary>Shards folders are written whole or not at all, by one converter at a time.</summary>
public class OutputFolderTests
{
    static ConvertSummary Convert(string input, string output, int shards, CancellationToken cancel = default, Action<string>? notice = null) =>
        ShardConverter.Convert(input, output, new ConvertOptions(TrainPerClass: 20, EvalPerClass: 5, Shards: shards), cancel: cancel, notice: notice);

    static string Input(TempDir dir, params string[] classes)
    {
        var input = dir.File("in");
        SyntheticDoodles.WriteNdjson(input, 30, seed: 3, classes: classes);
        return input;
    }

    static string[] Names(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    // A pid that is certainly not running: a process that has exited.
    static int DeadPid()
    {
        using var p = Process.Start("true")!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void ReconvertingWithFewerShardsAndOtherClassesLeavesNoOldFileBehind()
    {
        using var dir = new TempDir();
        var input = Input(dir, "circle", "star", "wave");
        var output = dir.File("out");
        Convert(input, output, shards: 4);
        Assert.Equal(9, Names(output).Length);
        Directory.Delete(input, true);
        Input(dir, "line", "zigzag");
        Convert(input, output, shards: 2);
        Assert.Equal(["eval.tfrecord-00000-of-00002", "eval.tfrecord-00001-of-00002", "training.tfrecord-00000-of-00002",
                      "training.tfrecord-00001-of-00002", "training.tfrecord.classes"], Names(output));
        Assert.Equal(["line", "zigzag"], ShardLayout.ReadClasses(output));
        Assert.Equal(["in", "out"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)); // no lock, no temporary folder
    }

    [Fact]
    public void AnInterruptedConversionLeavesTheOldShardsAndClassesFileAsTheyWere()
    {
        using var dir = new TempDir();
        var input = Input(dir, "circle", "star");
        var output = dir.File("out");
        Convert(input, output, shards: 3);
        var before = Names(output).Select(n => (n, System.Convert.ToBase64String(File.ReadAllBytes(Path.Combine(output, n))))).ToList();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Convert(input, output, shards: 1, cancel.Token));
        Assert.Equal(before, Names(output).Select(n => (n, System.Convert.ToBase64String(File.ReadAllBytes(Path.Combine(output, n))))).ToList());
        Assert.Equal(["in", "out"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhatAKilledConversionLeftIsCleanedUpOrRestored()
    {
        using var dir = new TempDir();
        var input = Input(dir, "circle", "star");
        var output = dir.File("out");
        // Killed while building: a half-written temporary folder and a lock of a dead process.
        Directory.CreateDirectory(output + ".partial-12345");
        File.WriteAllText(Path.Combine(output + ".partial-12345", "training.tfrecord-00000-of-00001.tmp"), "half");
        File.WriteAllText(output + ".lock", $"{DeadPid()} 1 x\nhost\nconvert.cs\n");
        var notices = new List<string>();
        Convert(input, output, shards: 1, notice: notices.Add);
        Assert.Contains(notices, n => n.StartsWith("a stale lock of process ") && n.EndsWith($"(no longer running) was removed: {output}.lock"));
        Assert.Contains($"removed {output}.partial-12345, left by an interrupted conversion", notices);
        Assert.Equal(["in", "out"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Killed between the two renames of a non-atomic swap: the old folder is set aside, none at the output.
        Directory.Move(output, output + ".partial-777.swap");
        notices.Clear();
        using (var folder = ShardFolder.Begin(output, notices.Add))
            Assert.Equal(["circle", "star"], ShardLayout.ReadClasses(output));
        Assert.Equal($"restored {output} (a conversion was interrupted while swapping folders)", notices[0]);
    }

    [Fact]
    public void ASecondConverterOnTheSameOutputFailsAtOnceNamingTheFirst()
    {
        using var dir = new TempDir();
        var input = Input(dir, "circle", "star");
        var output = dir.File("out");
        using (var first = OutputLock.Acquire(output + ".lock", "a test"))
        {
            var e = Assert.Throws<ActionableException>(() => Convert(input, output, shards: 1));
            Assert.StartsWith($"{output}.lock: the shards folder {output} is in use by process {Environment.ProcessId} (", e.Message);
            Assert.EndsWith($"; wait for it to finish, or stop it (kill {Environment.ProcessId}); two jobs on one output would mix their files", e.Message);
            Assert.False(Directory.Exists(output));
        }
        Convert(input, output, shards: 1); // released: the next one runs
        Assert.False(File.Exists(output + ".lock"));
    }

    [Fact]
    public void TwoConvertersAtOnceOneWinsTheOtherSaysWhyAndTheShardsAreWhole()
    {
        using var dir = new TempDir();
        var input = Input(dir, "circle", "star", "wave");
        var output = dir.File("out");
        var results = new Exception?[2];
        Parallel.For(0, 2, i => { try { Convert(input, output, shards: 2); } catch (Exception e) { results[i] = e; } });
        Assert.All(results.Where(r => r != null), r => Assert.Contains("is in use by process", Assert.IsType<ActionableException>(r).Message));
        Assert.Equal(["circle", "star", "wave"], ShardLayout.ReadClasses(output));
        Assert.Equal(75, ShardLayout.Shards(output, ShardLayout.TrainPrefix).Concat(ShardLayout.Shards(output, ShardLayout.EvalPrefix))
            .Sum(f => { using var r = TfRecordReader.Open(f); int n = 0; while (r.TryRead(out _)) n++; return n; }));
    }

    [Fact]
    public void AnOutputFolderHoldingOtherFilesIsRefusedNotReplaced()
    {
        using var dir = new TempDir();
        var input = Input(dir, "circle", "star");
        var output = Directory.CreateDirectory(dir.File("out")).FullName;
        File.WriteAllText(Path.Combine(output, "thesis.tex"), "precious");
        var e = Assert.Throws<ActionableException>(() => Convert(input, output, shards: 1));
        Assert.Equal($"{output}: the output folder holds 1 file(s) that are not shards (thesis.tex); choose a new or empty --output folder: a conversion replaces the whole folder", e.Message);
        Assert.Equal(2, e.ExitCode);
        Assert.Equal(["thesis.tex"], Names(output));
    }

    [Fact]
    public void ALockOfALiveProcessIsHeldAndOfADeadOneIsStale()
    {
        using var dir = new TempDir();
        var path = dir.File("x.lock");
        using (OutputLock.Acquire(path, "x")) Assert.True(OutputLock.IsHeld(path));
        Assert.False(File.Exists(path));
        File.WriteAllText(path, $"{DeadPid()} 1 x\nhost\ncmd\n");
        Assert.False(OutputLock.IsHeld(path));
        using (OutputLock.Acquire(path, "x")) Assert.True(OutputLock.IsHeld(path));
    }
}
