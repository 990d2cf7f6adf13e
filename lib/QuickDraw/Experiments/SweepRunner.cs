using QuickDraw.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuickDraw.Model;
using QuickDraw.Shards;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>
/// Runs a sweep through <see cref="Trainer.Run"/>, one run after another, into
/// <c>experiments/&lt;sweep&gt;/&lt;run&gt;/</c> (standard run folders). Resumable: finished runs are skipped,
/// an interrupted one continues from its checkpoint. A folder that holds a run with other settings than the
/// spec's is an error (before anything trains), never silently overwritten.
/// </summary>
public sealed class SweepRunner(SweepPaths paths)
{
    /// <summary>The spec's copy in the sweep folder.</summary>
    public const string SpecCopy = "sweep.json";

    public string SweepFolder(SweepSpec spec) => Path.Combine(paths.Experiments, spec.Name);

    /// <summary>The runs and their folders' states; reads folders only (no data, no training).</summary>
    public IReadOnlyList<PlannedRun> Plan(SweepSpec spec)
    {
        var plans = new List<PlannedRun>();
        foreach (var run in Sweep.Expand(spec)) plans.Add(PlanRun(run, SweepFolder(spec)));
        return plans;
    }

    /// <summary>One run's folder under <paramref name="sweepFolder"/> and its state (what <see cref="Plan"/> does
    /// for each run; a cluster task plans its one run this way).</summary>
    public static PlannedRun PlanRun(SweepRun run, string sweepFolder)
    {
        var folder = new RunFolder(Path.Combine(sweepFolder, run.Name));
        var state = folder.IsComplete ? RunState.Done : folder.HasCheckpoint ? RunState.Resume : RunState.New;
        if (state != RunState.New) CheckSameSettings(folder, run);
        return new PlannedRun(run, folder, state);
    }

    /// <summary>The trainer's configuration for <paramref name="run"/> on prepared shards with their classes.</summary>
    public static RunConfig ConfigFor(SweepRun run, string shards, string[] classes) =>
        new(run.Model with { NumClasses = classes.Length }, run.Train, shards, classes) { Preset = run.Preset };

    /// <summary>Prepares the data, then trains every run that is not done. Stops after the current run's
    /// checkpoint when <paramref name="cancel"/> fires (its outcome is then <see cref="RunOutcome.Stopped"/>).</summary>
    public IReadOnlyList<SweepRunResult> Run(SweepSpec spec, IProgress<SweepProgress>? progress = null, CancellationToken cancel = default)
    {
        var plans = Plan(spec);
        int n = plans.Count;
        string? shards = null;
        string[] classes = [];
        if (plans.Any(p => p.State != RunState.Done))
        {
            shards = spec.Data.Prepare(paths, m => progress?.Report(new SweepProgress(0, n, "", 0, Message: m)));
            classes = ShardLayout.ReadClasses(shards);
        }
        Directory.CreateDirectory(SweepFolder(spec));
        if (spec.Json.Length > 0) RunFolder.WriteAtomically(Path.Combine(SweepFolder(spec), SpecCopy), spec.Json);

        var results = new List<SweepRunResult>();
        for (int i = 0; i < n; i++)
        {
            var plan = plans[i];
            var run = plan.Run;
            if (plan.State == RunState.Done)
            {
                progress?.Report(new SweepProgress(i, n, run.Name, (i + 1.0) / n, Message: "done already: skipped"));
                results.Add(new SweepRunResult(plan, RunOutcome.Skipped, plan.Folder.ReadSummary()));
                continue;
            }
            if (cancel.IsCancellationRequested) break;
            var index = i;
            var reporter = new SynchronousProgress<TrainingProgress>(p => progress?.Report(new SweepProgress(index, n, run.Name, (index + Within(p, run.Train)) / n, Training: p)));
            progress?.Report(new SweepProgress(i, n, run.Name, (double)i / n, Message: plan.State == RunState.Resume ? "resuming from its checkpoint" : "starting"));
            var config = ConfigFor(run, shards!, classes);
            var summary = Trainer.Run(plan.Folder, config, resume: plan.State == RunState.Resume, reporter, cancel);
            var outcome = !summary.Completed ? RunOutcome.Stopped : plan.State == RunState.Resume ? RunOutcome.Resumed : RunOutcome.Trained;
            results.Add(new SweepRunResult(plan, outcome, summary));
            if (outcome == RunOutcome.Stopped) break;
        }
        return results;
    }

    // How far a run is through its budget (steps or minutes, whichever is further).
    static double Within(TrainingProgress p, TrainConfig t)
    {
        double bySteps = t.Steps > 0 ? (double)p.Step / t.Steps : 0;
        double byTime = t.MaxSeconds > 0 ? p.Seconds / t.MaxSeconds : 0;
        return Math.Clamp(Math.Max(bySteps, byTime), 0, 1);
    }

    // A finished or interrupted run must have been made with the spec's settings (classes aside): a changed
    // spec would otherwise be reported as done, or resumed under the old settings.
    static void CheckSameSettings(RunFolder folder, SweepRun run)
    {
        var have = folder.ReadConfig();
        var differ = Differences(JsonSerializer.SerializeToNode(have.Model with { NumClasses = 0 }, RunFolder.Json)!, JsonSerializer.SerializeToNode(run.Model with { NumClasses = 0 }, RunFolder.Json)!)
            .Concat(Differences(JsonSerializer.SerializeToNode(have.Train, RunFolder.Json)!, JsonSerializer.SerializeToNode(run.Train, RunFolder.Json)!))
            .ToList();
        if (differ.Count > 0)
            throw new SweepSpecException($"{folder.Path} holds a run with other settings than the spec's ({string.Join("; ", differ)}): " +
                "delete that folder to run it again, or give the sweep another name");
    }

    // Threads change speed (and, with whole batches, float rounding; not a batch in parts): a run may resume with another count.
    static readonly string[] Ignored = [SettingNames.Json(nameof(ModelConfig.NumClasses)), SettingNames.Json(nameof(TrainConfig.Threads))];

    static IEnumerable<string> Differences(JsonNode have, JsonNode want) =>
        want.AsObject().Where(kv => !Ignored.Contains(kv.Key) && !JsonNode.DeepEquals(kv.Value, have[kv.Key]))
            .Select(kv => $"{kv.Key}: {have[kv.Key]?.ToJsonString() ?? "none"} in the folder, {kv.Value?.ToJsonString()} in the spec");
}
