using QuickDraw.Common;
using QuickDraw.Model;
using QuickDraw.Shards;
using QuickDraw.Tests.Training;
using QuickDraw.TfRecord;
using QuickDraw.Training;
using static TorchSharp.torch;

namespace QuickDraw.Tests.Hostile;

/// <summary>Two trainings on one run, shards that do not match their classes file, over-long records, damaged
/// model.bin / checkpoint.bin / config.json / metrics.csv and a corrupt eval shard: each ends in one clear error
/// (or, for a torn metrics row, a notice and the right rows), never a libtorch stack trace or NaN training.</summary>
[Collection(nameof(TrainerTests))] // serial with the trainer's exact-equality tests: torch's RNG is process-wide
public class DamagedRunTests(SyntheticShards data) : IClassFixture<SyntheticShards>
{
    static readonly ModelConfig Tiny = new() { NumConv = [4], ConvLen = [3], NumLayers = 1, NumNodes = 4, Dropout = 0 };

    static RunConfig Config(string shards, long steps = 10, string[]? classes = null) => new(Tiny,
        new TrainConfig { Steps = steps, BatchSize = 8, LearningRate = 3e-3, EvalEverySteps = 1000, LogEverySteps = 5, CheckpointEverySteps = 1000, ShuffleBuffer = 16, Seed = 1, Threads = 1 },
        shards, classes ?? ShardLayout.ReadClasses(shards));

    static string CopyOf(string folder, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(folder)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        return to;
    }

    sealed class Notices : IProgress<TrainingProgress>
    {
        public readonly List<string> Messages = [];
        public void Report(TrainingProgress value) { if (value.Message != null) Messages.Add(value.Message); }
    }

    [Fact]
    public void ASecondTrainingIntoARunInProgressFailsAtOnceNamingTheFirst()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.File("run"));
        using (OutputLock.Acquire(run.LockFile, "a first training"))
        {
            var e = Assert.Throws<ActionableException>(() => Trainer.Run(run, Config(data.Folder)));
            Assert.StartsWith($"{run.LockFile}: the run folder {run.Path} is in use by process {Environment.ProcessId} (", e.Message);
            Assert.False(File.Exists(run.MetricsFile) || File.Exists(run.ConfigFile), "the second training wrote nothing");
        }
        Assert.True(Trainer.Run(run, Config(data.Folder)).Completed);
        Assert.False(File.Exists(run.LockFile));
    }

    [Fact]
    public void AClassesFileWithFewerLinesThanTheShardsClassIndicesIsAnErrorNotALibtorchCrash()
    {
        using var dir = new TempDir();
        var shards = CopyOf(data.Folder, dir.File("shards"));
        File.WriteAllLines(Path.Combine(shards, ShardLayout.ClassesFile), ["circle", "line"]); // the shards hold indices 0..3
        var e = Assert.Throws<ActionableException>(() => Trainer.Run(new RunFolder(dir.File("run")), Config(shards)));
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(shards)}: a record has class index [23], but the run knows 2 classes \(0 to 1\): the classes file and the shards do not match; convert the data again", e.Message);

        // Evaluating a 2-class model on 4-class shards: the same check.
        using var model = new RnnClassifier(Tiny with { NumClasses = 2 });
        var eval = Assert.Throws<ActionableException>(() => Evaluator.Evaluate(model, ShardData.Shards(data.Folder, "eval"), CPU));
        Assert.Contains("but the run knows 2 classes (0 to 1)", eval.Message);
    }

    [Fact]
    public void ARecordOverThePointCapInForeignShardsStopsTrainingWithAMessage()
    {
        using var dir = new TempDir();
        var shards = Directory.CreateDirectory(dir.File("shards")).FullName;
        foreach (var prefix in new[] { ShardLayout.TrainPrefix, ShardLayout.EvalPrefix })
        {
            using var w = TfRecordWriter.Create(Path.Combine(shards, ShardLayout.ShardName(prefix, 0, 1)));
            w.Write(InkExample.Encode(new float[3 * 20], 0));
            w.Write(InkExample.Encode(new float[3 * (BatchCheck.MaxPoints + 1)], 1));
        }
        File.WriteAllLines(Path.Combine(shards, ShardLayout.ClassesFile), ["a", "b"]);
        var config = Config(shards) with { Train = Config(shards).Train with { BatchSize = 2, ShuffleBuffer = 1 } };
        var e = Assert.Throws<ActionableException>(() => Trainer.Run(new RunFolder(dir.File("run")), config));
        Assert.Equal($"{shards}: a record holds 10,001 points, over the cap of 10,000 (it would make a step's time and memory unbounded); " +
                     "convert the data again with this project's converter: it skips drawings over the cap and counts them", e.Message);
    }

    [Fact]
    public void DamagedRunFilesAreErrorsNamingThemAndATornMetricsRowIsDroppedOnResume()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.File("run"));
        using var cancel = new CancellationTokenSource();
        Trainer.Run(run, Config(data.Folder, steps: 20), progress: new StopAt(10, cancel), cancel: cancel.Token);
        Assert.Equal([5L, 10L], run.ReadMetrics().Where(r => r.Split == "train").Select(r => r.Step));

        // A row cut short by a kill (as appending in place could leave it): dropped with a notice on resume.
        File.AppendAllText(run.MetricsFile, "15,0.8,tra");
        Assert.Equal([5L, 10L], run.ReadMetricsWithTornRow(out var torn).Where(r => r.Split == "train").Select(r => r.Step));
        Assert.Equal("15,0.8,tra", torn);
        var notices = new Notices();
        Assert.True(Trainer.Run(run, Config(data.Folder, steps: 20), resume: true, progress: notices).Completed);
        Assert.Contains($"{run.MetricsFile}: dropped a torn last row ('15,0.8,tra'), left by an interrupted write", notices.Messages);
        Assert.Equal([5L, 10L, 15L, 20L], run.ReadMetrics().Where(r => r.Split == "train").Select(r => r.Step));
        Assert.EndsWith("\n", File.ReadAllText(run.MetricsFile));

        // A bad row before the last one is not silently dropped.
        var good = File.ReadAllText(run.MetricsFile);
        File.WriteAllText(run.MetricsFile, good.Replace("\n10,", "\nten,"));
        var row = Assert.Throws<ActionableException>(() => run.ReadMetrics());
        Assert.StartsWith($"{run.MetricsFile}: row 3 is not a metrics row: 'ten,", row.Message);
        File.WriteAllText(run.MetricsFile, good);

        // model.bin cut in half, then empty.
        var weights = File.ReadAllBytes(run.ModelFile);
        File.WriteAllBytes(run.ModelFile, weights[..(weights.Length / 2)]);
        var half = Assert.Throws<ActionableException>(() => Trainer.Load(run));
        Assert.StartsWith($"{run.ModelFile}: the model cannot be read (", half.Message);
        Assert.EndsWith("; rewrite it from the run's checkpoint: dotnet run scripts/train.cs -- --run <this run> --resume", half.Message);
        File.WriteAllBytes(run.ModelFile, []);
        Assert.StartsWith($"{run.ModelFile}: the model cannot be read (the file is empty)", Assert.Throws<ActionableException>(() => Trainer.Load(run)).Message);
        File.WriteAllBytes(run.ModelFile, weights);

        // checkpoint.bin cut short: resuming says so.
        var checkpoint = File.ReadAllBytes(run.CheckpointFile);
        File.WriteAllBytes(run.CheckpointFile, checkpoint[..(checkpoint.Length - 100)]);
        var ck = Assert.Throws<ActionableException>(() => Trainer.Run(run, Config(data.Folder, steps: 30), resume: true));
        Assert.StartsWith($"{run.CheckpointFile}: the checkpoint cannot be read (", ck.Message);
        Assert.EndsWith("; it cannot be resumed: train again under another --run (model.bin, if intact, still holds the last weights)", ck.Message);
        File.WriteAllBytes(run.CheckpointFile, checkpoint);

        // config.json cut short.
        var config = File.ReadAllText(run.ConfigFile);
        File.WriteAllText(run.ConfigFile, config[..(config.Length / 2)]);
        var json = Assert.Throws<ActionableException>(() => run.ReadConfig());
        Assert.StartsWith($"{run.ConfigFile}: not valid JSON (", json.Message);
        File.WriteAllText(run.ConfigFile, config);

        // A corrupt eval shard: the reader names file and offset; the scripts' handler makes it one line.
        var shards = CopyOf(data.Folder, dir.File("shards"));
        var eval = ShardData.Shards(shards, "eval")[0];
        var bytes = File.ReadAllBytes(eval);
        bytes[40] ^= 0xff;
        File.WriteAllBytes(eval, bytes);
        var (model, _) = Trainer.Load(run);
        var corrupt = Assert.Throws<TfRecordCorruptException>(() => Evaluator.Evaluate(model, ShardData.Shards(shards, "eval"), CPU));
        var (message, code) = CommandLine.ExpectedFailure(corrupt);
        Assert.Equal($"{eval}: corrupt record at byte 0: data CRC mismatch; the file is damaged: convert (or download) it again", message);
        Assert.Equal(1, code);
    }

    sealed class StopAt(long step, CancellationTokenSource cancel) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p) { if (p.Step == step && p.Eval == null && p.Message == null) cancel.Cancel(); }
    }
}
