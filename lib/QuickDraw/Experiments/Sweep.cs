using QuickDraw.Configuration;
using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>Turns a spec into its runs.</summary>
public static class Sweep
{
    /// <summary>Steps given to runs whose budget is minutes only (the clock ends them first).</summary>
    public const long UnboundedSteps = 1_000_000_000;

    /// <summary>
    /// Every run of <paramref name="spec"/>, in order: each entry of <c>runs</c> (or one empty entry) combined
    /// with every point of the grid (last key fastest), over the <c>base</c> settings and the spec's preset. Names come from the model's shape (<see cref="ModelConfig.Label"/>, e.g.
    /// <c>conv32-48_k5-3_lstm2x64</c>) plus any varied training setting (<c>_lr0.002</c>, <c>_b64</c>,
    /// <c>_drop0.3</c>, <c>_seed1</c>). Throws <see cref="SweepSpecException"/> for a configuration that cannot
    /// build or train a model, and for two runs with the same settings.
    /// </summary>
    public static IReadOnlyList<SweepRun> Expand(SweepSpec spec)
    {
        var varied = spec.Grid.Select(a => a.Key).Concat(spec.Runs.SelectMany(r => r.Keys)).ToHashSet();
        var entries = spec.Runs.Count > 0 ? spec.Runs : [new Dictionary<string, object>()];
        var runs = new List<SweepRun>();
        foreach (var entry in entries)
        {
            foreach (var point in GridPoints(spec.Grid))
            {
                var choice = entry.Concat(point).ToDictionary(kv => kv.Key, kv => kv.Value);
                var settings = new Dictionary<string, object>(spec.Base);
                foreach (var (k, v) in choice) settings[k] = v;
                runs.Add(Build(spec.Preset, settings, choice, varied, spec.Budget));
            }
        }
        var twice = runs.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice != null) throw new SweepSpecException($"two runs have the same settings ({twice.Key}): remove one");
        return runs;
    }

    static SweepRun Build(Preset preset, Dictionary<string, object> settings, Dictionary<string, object> choice, HashSet<string> varied, SweepBudget budget)
    {
        var run = preset.Settings;
        foreach (var s in Settings.All)
            if (settings.TryGetValue(s.Key, out var v)) run = s.With(run, v);
        run = run with { Train = run.Train with { Steps = budget.Steps ?? UnboundedSteps, MaxSeconds = (budget.Minutes ?? 0) * 60 } };
        run = preset.Derive(run, settings.Keys.Append("steps").Append("max_seconds"));
        var (model, train) = run;

        var name = model.Label + string.Concat(Settings.All
            .Where(s => s.RunNamePrefix.Length > 0 && varied.Contains(s.Key) && settings.ContainsKey(s.Key))
            .Select(s => $"_{s.RunNamePrefix}{Setting.Format(settings[s.Key], '-')}"));
        try
        {
            model.Validate();
            train.Validate();
        }
        catch (ArgumentException e)
        {
            throw new SweepSpecException($"run {name}: {e.Message}");
        }
        return new SweepRun(name, model, train, choice) { Preset = preset.Name };
    }

    static IEnumerable<Dictionary<string, object>> GridPoints(IReadOnlyList<SweepAxis> grid)
    {
        IEnumerable<Dictionary<string, object>> points = [new()];
        foreach (var axis in grid)
            points = points.SelectMany(p => axis.Values.Select(v => new Dictionary<string, object>(p) { [axis.Key] = v })).ToList();
        return points;
    }
}
