using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QuickDraw.Common;
using QuickDraw.Configuration;
using QuickDraw.Experiments;
using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Tests.Configuration;

/// <summary>
/// The settings table is the one home of every setting: each place that names settings (the configs' properties,
/// config.json, the sweep keys, the command-line options, the notebooks' parameters, docs/settings.md) is derived
/// from it, and these tests fail when one of them gains or loses a setting on its own. (The scripts' --help is
/// checked against it in ScriptsTests.)
/// </summary>
public class SettingsTableTests
{
    // Not settings: the data decides the class count; the rest are computed from settings.
    static readonly string[] NotSettings = ["NumClasses", "Label", "EffectiveLearningRate"];

    [Fact]
    public void EveryConfigPropertyIsASettingAndEverySettingAProperty()
    {
        foreach (var type in new[] { typeof(ModelConfig), typeof(TrainConfig) })
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Except(NotSettings);
            var target = type == typeof(ModelConfig) ? SettingTarget.Model : SettingTarget.Train;
            Assert.Equal(properties.Order(), Settings.All.Where(s => s.Target == target).Select(s => s.Name).Order());
        }
        Assert.Equal(Settings.All.Count, Settings.All.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void ConfigJsonNamesAreTheTablesNames()
    {
        var json = JsonSerializer.SerializeToNode(new RunConfig(new ModelConfig(), new TrainConfig(), "d", ["a", "b"]), RunFolder.Json)!;
        var names = json["model"]!.AsObject().Select(kv => kv.Key).Concat(json["train"]!.AsObject().Select(kv => kv.Key))
            .Except(NotSettings.Select(SettingNames.Json));
        Assert.Equal(Settings.All.Select(s => s.JsonName).Order(), names.Order());
    }

    [Fact]
    public void SpellingsAreDerivedMechanically()
    {
        var lr = Settings.Get("LearningRate");
        Assert.Equal(("learning_rate", "--learning-rate", "learningRate", "--lr"), (lr.Key, lr.Option, lr.JsonName, lr.Alias));
        Assert.Equal("max_eval_examples", Settings.Get("--max-eval-examples").Key);
        foreach (var s in Settings.All)
        {
            Assert.Same(s, Settings.Find(s.Key));
            Assert.Same(s, Settings.Find(s.Option));
            Assert.Same(s, Settings.Find(s.JsonName));
            Assert.Equal(s.Key.Replace('_', '-'), s.Option[2..]);
        }
    }

    [Fact]
    public void EverySettingReachesItsConfigFromACommandLineAndFromASweep()
    {
        var start = RunSettings.Defaults;
        foreach (var s in Settings.All)
        {
            var value = Sample(s);
            // From a command line (train.cs's parser): only this setting changes.
            var cli = new CommandLine("x", "x").AddSettings(Presets.Tutorial);
            var args = s.Kind == SettingKind.Bool ? new[] { s.Option } : [s.Option, Setting.Format(value)];
            var read = cli.Parse(args).ReadSettings();
            Assert.True(Setting.Same(value, s.Get(read)), $"{s.Option} {Setting.Format(value)} did not reach {s.Name}");
            Assert.Equal([s], read.Differences(start).Select(d => d.Setting));

            // From a sweep spec's base (budget settings come from the spec's budget instead).
            if (s.Budget) continue;
            var json = JsonSerializer.Serialize(value);
            var axis = s.Key == "seed" ? "num_layers" : "seed";
            var spec = SweepSpec.Parse($$"""{ "data": "data/shards/x", "budget": { "steps": 10 }, "base": { "{{s.Key}}": {{json}} }, "grid": { "{{axis}}": [1] } }""", "x.json", "x");
            var run = Sweep.Expand(spec).Single();
            Assert.True(Setting.Same(value, s.Get(new RunSettings(run.Model, run.Train))), $"sweep key {s.Key} did not reach {s.Name}");
        }
    }

    [Fact]
    public void TheSweepKeysAreTheTablesLessTheBudget()
    {
        Assert.Equal(Settings.All.Where(s => !s.Budget).Select(s => s.Key), SweepSpec.Keys(sweepableOnly: false));
        Assert.Equal(["steps", "max_seconds"], Settings.All.Where(s => s.Budget).Select(s => s.Key));
        var e = Assert.Throws<SweepSpecException>(() => SweepSpec.Parse("""{ "data": "d", "budget": { "steps": 1 }, "base": { "eval_every": 5 }, "grid": { "seed": [1] } }""", "x.json"));
        Assert.Contains("'eval_every' is now 'eval_every_steps'", e.Message);
        e = Assert.Throws<SweepSpecException>(() => SweepSpec.Parse("""{ "data": "d", "budget": { "steps": 1 }, "base": { "clip": 5 }, "grid": { "seed": [1] } }""", "x.json"));
        Assert.Contains("write it as 'gradient_clipping_norm'", e.Message);
        e = Assert.Throws<SweepSpecException>(() => SweepSpec.Parse("""{ "data": "d", "budget": { "steps": 1 }, "base": { "num_layer": 5 }, "grid": { "seed": [1] } }""", "x.json"));
        Assert.Contains("did you mean 'num_layers'?", e.Message);
    }

    [Fact]
    public void ACommandLineFromSettingsReadsBackToTheSameSettings()
    {
        foreach (var preset in Presets.All)
        {
            var changed = preset.Settings.With("num_conv", new[] { 8, 16 }).With("conv_len", new[] { 3, 5 }).With("batch_norm", true).With("decay", "linear").With("learning_rate", 0.0123);
            var line = changed.CommandLine(preset);
            Assert.StartsWith($"--preset {preset.Name} ", line);
            var cli = new CommandLine("x", "x").AddSettings(Presets.Tutorial);
            Assert.Equal(Json(changed), Json(cli.Parse(line.Split(' ')).ReadSettings()));
            Assert.Equal(Json(changed), Json(SettingOptions.Apply(preset.Settings, line[$"--preset {preset.Name}".Length..])));
        }
    }

    [Fact]
    public void APresetSwitchCanBeTurnedOffAndOverridesSayWhatIsWrong()
    {
        var on = RunSettings.Defaults.With("BatchNorm", true);
        Assert.False(SettingOptions.Apply(on, "--batch-norm=false").Model.BatchNorm);
        Assert.True(SettingOptions.Apply(RunSettings.Defaults, "--batch-norm").Model.BatchNorm);
        Assert.Contains("--eval-every is now --eval-every-steps", Assert.Throws<ArgumentException>(() => SettingOptions.Apply(on, "--eval-every 5")).Message);
        Assert.Contains("did you mean --num-layers?", Assert.Throws<ArgumentException>(() => SettingOptions.Apply(on, "--num-layer 5")).Message);
        Assert.Contains("--steps must be an integer, not 'many'", Assert.Throws<ArgumentException>(() => SettingOptions.Apply(on, "--steps many")).Message);
        Assert.Contains("--learning-rate (learning_rate) must be a finite number > 0", Assert.Throws<ArgumentException>(() => SettingOptions.Apply(on, "--lr 0")).Message);
    }

    [Fact]
    public void EveryPresetIsValidAndTheMainJobsIsTheOneItsFiguresWereMeasuredWith()
    {
        Assert.Equal(Presets.All.Count, Presets.All.Select(p => p.Name).Distinct().Count());
        foreach (var p in Presets.All) p.Settings.Validate();
        Assert.Equal(Json(RunSettings.Defaults), Json(Presets.Tutorial.Settings));
        // README's 80.07 % (bash scripts/main.sh) was measured with exactly these; changing them changes that figure.
        var (m, t) = Presets.Main.Settings;
        Assert.Equal([48, 64, 96], m.NumConv);
        Assert.Equal([5, 5, 3], m.ConvLen);
        Assert.Equal((1, 64, 0.3, false, "auto"), (m.NumLayers, m.NumNodes, m.Dropout, m.BatchNorm, m.Recurrence));
        Assert.Equal((1200L, 64, 0.004, 100L, "cosine", 0.05, 0), (t.Steps, t.BatchSize, t.LearningRate, t.WarmupSteps, t.Decay, t.FinalLearningRateFraction, t.Seed));
        Assert.Equal((200L, 25L, 20_000, false), (t.EvalEverySteps, t.LogEverySteps, t.ShuffleBuffer, t.BucketByLength));
    }

    [Fact]
    public void AnOldOptionNameIsToldItsNewName()
    {
        var cli = new CommandLine("x", "x").AddSettings(Presets.Main);
        Assert.Equal("--max-minutes is now --max-seconds S: stop after this many seconds of training even if the steps are not done " +
                     "(0 = no limit; the result then depends on the machine) (see --help)",
            Assert.Throws<CommandLineException>(() => cli.Parse(["--max-minutes", "5"])).Message);
        Assert.StartsWith("--bucket is now --bucket-by-length:", Assert.Throws<CommandLineException>(() => cli.Parse(["--bucket"])).Message);
        foreach (var s in Settings.All)
            foreach (var former in s.Formerly)
            {
                Assert.Null(Settings.Find(former));   // a former name never names another setting
                Assert.Same(s, Settings.Renamed(former));
            }
    }

    [Fact]
    public void PresetRulesDeriveSettingsFromTheStepsUnlessGiven()
    {
        var main = new CommandLine("x", "x").AddSettings(Presets.Main);
        Assert.Equal(100, main.Parse([]).ReadSettings().Train.WarmupSteps);              // 1,200 / 12
        Assert.Equal(50, main.Parse(["--steps", "600"]).ReadSettings().Train.WarmupSteps);
        Assert.Equal(10, main.Parse(["--steps", "600", "--warmup-steps", "10"]).ReadSettings().Train.WarmupSteps);
        var notebook = SettingOptions.Apply(Presets.Notebook, "--steps 3000");
        Assert.Equal((50L, 3000L), (notebook.Train.LogEverySteps, notebook.Train.CheckpointEverySteps));
        Assert.Equal(7, SettingOptions.Apply(Presets.Notebook, "--steps 3000 --log-every-steps 7").Train.LogEverySteps);
        // Overrides in turn, a later one winning (notebook 05's long run: its overrides, then --steps 100000).
        var longRun = SettingOptions.Apply(Presets.Notebook, "--steps 6 --log-every-steps 2", "--steps 100000");
        Assert.Equal((100_000L, 2L, 100_000L), (longRun.Train.Steps, longRun.Train.LogEverySteps, longRun.Train.CheckpointEverySteps));
        var demo = SettingOptions.Apply(Presets.Demo, "--steps 40");
        Assert.Equal((10L, 2L, 40L), (demo.Train.EvalEverySteps, demo.Train.LogEverySteps, demo.Train.CheckpointEverySteps));
        foreach (var p in Presets.All) Assert.Equal(Json(p.Settings), Json(p.Derive(p.Settings, [])));  // a preset obeys its own rules

        var spec = SweepSpec.Parse("""{ "preset": "main", "data": "d", "budget": { "steps": 600 }, "grid": { "seed": [1, 2] } }""", "x.json");
        Assert.All(Sweep.Expand(spec), r => Assert.Equal(50, r.Train.WarmupSteps));
        Assert.All(Sweep.Expand(spec), r => Assert.Equal("main", r.Preset));
        spec = SweepSpec.Parse("""{ "preset": "main", "data": "d", "budget": { "steps": 600 }, "base": { "warmup_steps": 0 }, "grid": { "seed": [1] } }""", "x.json");
        Assert.Equal(0, Sweep.Expand(spec).Single().Train.WarmupSteps);
    }

    [Fact]
    public void ASweepableSettingWithoutARunNamePrefixIsInTheModelsLabel()
    {
        // Otherwise two runs that differ only in it would get one name ("two runs have the same settings").
        foreach (var s in Settings.All.Where(s => s.Sweepable && s.RunNamePrefix.Length == 0))
        {
            var changed = s.With(RunSettings.Defaults, Sample(s));
            Assert.True(changed.Model.Label != RunSettings.Defaults.Model.Label, $"{s.Key} is sweepable with no run-name prefix but not in ModelConfig.Label");
        }
    }

    [Fact]
    public void NotebooksTakeSettingsThroughAPresetAndOverridesOnly()
    {
        // A parameter named like a setting (batchSize, learningRate) would be a second home for it.
        var declaration = new Regex(@"^\s*[A-Za-z_][\w.<>\[\]?, ]*?\s+(?<name>[A-Za-z_]\w*)\s*=", RegexOptions.Multiline);
        // Any spelling, and a leading part of one (evalEvery for EvalEverySteps, lr for the --lr alias).
        static string Bare(string n) => n.Replace("_", "").Replace("-", "").ToLowerInvariant();
        var spellings = Settings.All.SelectMany(s => new[] { s.Name, s.Alias ?? "" }.Concat(s.Formerly)).Where(n => n.Length > 0).Select(Bare).ToList();
        bool LikeASetting(string name) => spellings.Any(s => Bare(name) == s || (Bare(name).Length >= 6 && s.StartsWith(Bare(name))));
        int withSettings = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb"))
        {
            var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
            var parameters = cells.FirstOrDefault(c => c!["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t!.GetValue<string>() == "parameters"));
            if (parameters == null) continue;
            var source = string.Concat(parameters["source"]!.AsArray().Select(l => l!.GetValue<string>()));
            var names = declaration.Matches(source).Select(m => m.Groups["name"].Value).ToList();
            Assert.Empty(names.Where(LikeASetting).Select(n => $"{Path.GetFileName(path)}: parameter {n}"));
            // Nor may a code cell build a config of its own: settings come from the preset and the overrides.
            var code = cells.Where(c => c!["cell_type"]!.GetValue<string>() == "code").Select(c => string.Concat(c!["source"]!.AsArray().Select(l => l!.GetValue<string>())));
            Assert.Empty(code.Where(c => c.Contains("new TrainConfig") || c.Contains("new ModelConfig")).Select(c => $"{Path.GetFileName(path)}: {c.Split('\n')[0]}"));
            if (names.Contains("preset")) { Assert.Contains("overrides", names); withSettings++; }
        }
        Assert.Equal(2, withSettings); // 04 (the model) and 05 (training)
    }

    [Fact]
    public void TheSettingsDocIsCurrent()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "settings.md"));
        Assert.True(doc == Settings.Markdown(), "docs/settings.md is stale: dotnet run scripts/train.cs -- --settings-table docs/settings.md");
    }

    [Fact]
    public void AResumedRunKeepsItsSettings()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.Path);
        Assert.Contains("no checkpoint to resume", Assert.Throws<ActionableException>(() => ConsoleTraining.Resume(run, [])).Message);
        File.WriteAllBytes(run.CheckpointFile, [1]);
        var e = Assert.Throws<ActionableException>(() => ConsoleTraining.Resume(run, ["--learning-rate"]));
        Assert.Contains("keeps the settings of its config.json, so --learning-rate cannot change", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    static string Json(RunSettings s) => JsonSerializer.Serialize(s, RunFolder.Json);

    static object Sample(Setting s) => s.Kind switch
    {
        SettingKind.Int => 7,
        SettingKind.Long => 7L,
        SettingKind.Double => 0.5,
        SettingKind.Bool => true,
        SettingKind.Text => s.Choices?.Last() ?? (s.Name == "Device" ? "cpu" : "x"),
        SettingKind.IntList => s.Name == "ConvLen" ? new[] { 3, 5, 7 } : [4, 5, 6],
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}

/// <summary>Presets and the data policy in sweeps: a spec's "preset" is where its runs start; "data": "auto" is the
/// main job's choice of data.</summary>
public class SweepPresetTests
{
    [Fact]
    public void TheSmokeSweepsPresetGivesTheRunsItsExplicitBaseGave()
    {
        // experiments/sweeps/smoke.json before presets, written out in full.
        var explicitSpec = SweepSpec.Parse("""
            { "data": { "synthetic": { "classes": ["circle", "line", "square", "zigzag"], "per_class": 100, "eval_per_class": 20, "style": "easy", "seed": 0 } },
              "budget": { "steps": 30 },
              "base": { "conv_len": [3], "num_layers": 1, "learning_rate": 0.003, "batch_size": 16, "dropout": 0.1,
                        "eval_every_steps": 10, "log_every_steps": 5, "checkpoint_every_steps": 1000, "shuffle_buffer": 256, "threads": 1 },
              "grid": { "num_conv": [[8], [16]], "num_nodes": [8, 16] } }
            """, "old.json", "smoke");
        var withPreset = SweepSpec.Load(Path.Combine(RepoPaths.Experiments, "sweeps", "smoke.json"));
        Assert.Equal("smoke", withPreset.Preset.Name);
        string Runs(SweepSpec s) => JsonSerializer.Serialize(Sweep.Expand(s).Select(r => new { r.Name, r.Model, r.Train }), RunFolder.Json);
        Assert.Equal(Runs(explicitSpec), Runs(withPreset));
        Assert.Contains("preset 'fast' is not one: use tutorial, main", Assert.Throws<SweepSpecException>(() =>
            SweepSpec.Parse("""{ "preset": "fast", "data": "d", "budget": { "steps": 1 }, "grid": { "seed": [1] } }""", "x.json")).Message);
    }

    [Fact]
    public void AutoDataIsTheMainJobsChoice()
    {
        using var root = new TempDir();
        var downloaded = Path.Combine(root.Path, "data", "quickdraw", "simplified");
        QuickDraw.Drawings.SyntheticDoodles.WriteNdjson(downloaded, 12, 0, QuickDraw.Drawings.DoodleStyle.Easy, ["circle", "line"]);
        var paths = new SweepPaths(root.Path, Path.Combine(root.Path, "experiments"), Path.Combine(root.Path, "data"), SharedSample: null);
        var spec = SweepSpec.Parse("""{ "data": "auto", "budget": { "steps": 1 }, "grid": { "seed": [1] } }""", "x.json");
        Assert.IsType<TrainingData.Auto>(spec.Data);
        var shards = spec.Data.Prepare(paths);
        Assert.Equal(TrainingData.Choose("auto", 0, paths).Data.Prepare(paths), shards); // the same folder the main job trains on
        Assert.Equal(["circle", "line"], QuickDraw.Shards.ShardLayout.ReadClasses(shards));

        // Converted once: a later run (or sweep task) reuses the shards until the files change.
        var said = new List<string>();
        spec.Data.Prepare(paths, said.Add);
        Assert.Contains(said, l => l.Contains("is up to date"));
        File.AppendAllText(Path.Combine(downloaded, "circle.ndjson"), File.ReadLines(Path.Combine(downloaded, "line.ndjson")).First().Replace("\"line\"", "\"circle\"") + "\n");
        File.SetLastWriteTimeUtc(Path.Combine(downloaded, "circle.ndjson"), DateTime.UtcNow.AddMinutes(1));
        said.Clear();
        spec.Data.Prepare(paths, said.Add);
        Assert.Contains(said, l => l.StartsWith("converting"));
    }
}
