using System.Text.Json;
using QuickDraw.Configuration;
using QuickDraw.Drawings;

namespace QuickDraw.Experiments;

/// <summary>
/// A sweep, as written in <c>experiments/sweeps/&lt;name&gt;.json</c>: the data, a budget per run, the preset the
/// runs start from (<c>preset</c>, default: the tutorial's), settings shared by every run (<c>base</c>), a
/// <c>grid</c> (every combination of its values) and/or a list of <c>runs</c> (each a set of settings; with a grid,
/// every run is combined with every grid point). Setting keys are the settings table's (docs/settings.md).
/// Parsing checks everything before anything runs: unknown keys, wrong types, empty grids, settings that
/// cannot build a model, two runs with the same settings. See experiments/README.md for the format.
/// </summary>
public sealed record SweepSpec(string Name, string Description, TrainingData Data, SweepBudget Budget,
    IReadOnlyDictionary<string, object> Base, IReadOnlyList<SweepAxis> Grid, IReadOnlyList<IReadOnlyDictionary<string, object>> Runs)
{
    /// <summary>The preset every run starts from, before <see cref="Base"/> (default: the tutorial's).</summary>
    public Preset Preset { get; init; } = Presets.Tutorial;

    /// <summary>The spec's JSON text, copied into the sweep folder as sweep.json.</summary>
    public string Json { get; init; } = "";

    static readonly string[] TopKeys = ["name", "description", "preset", "data", "budget", "base", "grid", "runs"];
    static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and checks a spec file; the sweep's name defaults to the file's name.</summary>
    public static SweepSpec Load(string path)
    {
        if (!File.Exists(path)) throw new SweepSpecException($"{path}: no such sweep spec (specs live in experiments/sweeps/)");
        return Parse(File.ReadAllText(path), path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses and checks a spec; errors start with <paramref name="source"/>.</summary>
    public static SweepSpec Parse(string json, string source, string defaultName = "sweep")
    {
        try
        {
            using var doc = JsonDocument.Parse(json, JsonOptions);
            var spec = Parse(doc.RootElement, defaultName) with { Json = json };
            Sweep.Expand(spec); // settings that cannot build a model, duplicate runs
            return spec;
        }
        catch (JsonException e) { throw new SweepSpecException($"{source}: not valid JSON: {e.Message}"); }
        catch (FormatException e) { throw new SweepSpecException($"{source}: {e.Message}"); } // a value of the wrong type
        catch (SweepSpecException e) { throw new SweepSpecException($"{source}: {e.Message}"); }
    }

    static SweepSpec Parse(JsonElement root, string defaultName)
    {
        var top = Object(root, "the spec", TopKeys);
        var name = top.TryGetValue("name", out var n) ? Text(n, "name") : defaultName;
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new SweepSpecException($"name '{name}' must be letters, digits, '-', '_' or '.' (it names the folder experiments/<name>/)");
        var description = top.TryGetValue("description", out var d) ? Text(d, "description") : "";
        var presetName = top.TryGetValue("preset", out var ps) ? Text(ps, "preset") : Presets.Tutorial.Name;
        var preset = Presets.Find(presetName) ?? throw new SweepSpecException($"preset '{presetName}' is not one: use {Presets.Names} (docs/settings.md)");
        var data = top.TryGetValue("data", out var dataJson) ? ParseData(dataJson) : throw new SweepSpecException("'data' is missing: give \"auto\" (the main job's choice), a shards folder (\"data/shards/x\"), {\"synthetic\": {...}} or {\"real\": \"classes15\"}");
        var budget = top.TryGetValue("budget", out var b) ? ParseBudget(b) : throw new SweepSpecException("'budget' is missing: give {\"steps\": N} and/or {\"minutes\": M} per run");

        var baseSettings = top.TryGetValue("base", out var bs) ? ReadSettings(bs, "base", sweepableOnly: false) : new Dictionary<string, object>();
        var grid = new List<SweepAxis>();
        if (top.TryGetValue("grid", out var g))
        {
            foreach (var (key, values) in ObjectList(g, "grid", Keys(sweepableOnly: true)))
            {
                if (values.ValueKind != JsonValueKind.Array) throw new SweepSpecException($"grid.{key} must be a list of values to try, such as [{Example(key)}]");
                var list = values.EnumerateArray().Select((v, i) => Settings.Find(key)!.Read(v, $"grid.{key}[{i}]")).ToList();
                if (list.Count == 0) throw new SweepSpecException($"grid.{key} is empty: give at least one value");
                grid.Add(new SweepAxis(key, list));
            }
        }
        var runs = new List<IReadOnlyDictionary<string, object>>();
        if (top.TryGetValue("runs", out var r))
        {
            if (r.ValueKind != JsonValueKind.Array) throw new SweepSpecException("runs must be a list of settings objects");
            int i = 0;
            foreach (var run in r.EnumerateArray()) runs.Add(ReadSettings(run, $"runs[{i++}]", sweepableOnly: true));
            if (runs.Count == 0) throw new SweepSpecException("runs is empty: give at least one run, or leave it out and use a grid");
        }
        if (grid.Count == 0 && runs.Count == 0) throw new SweepSpecException("the grid is empty: give a \"grid\" of values to try and/or a list of \"runs\"");
        foreach (var run in runs)
            foreach (var axis in grid.Where(a => run.ContainsKey(a.Key)))
                throw new SweepSpecException($"'{axis.Key}' is in both the grid and runs[{runs.IndexOf(run)}]: vary each setting in one place");
        return new SweepSpec(name, description, data, budget, baseSettings, grid, runs) { Preset = preset };
    }

    static TrainingData ParseData(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String) return e.GetString() == "auto" ? new TrainingData.Auto(0) : new TrainingData.Shards(e.GetString()!);
        var data = Object(e, "data", ["shards", "synthetic", "real", "train_per_class", "eval_per_class"]);
        var kinds = new[] { "shards", "synthetic", "real" }.Where(data.ContainsKey).ToList();
        if (kinds.Count != 1) throw new SweepSpecException("data needs exactly one of \"shards\", \"synthetic\" or \"real\"");
        if (kinds[0] != "real" && (data.ContainsKey("train_per_class") || data.ContainsKey("eval_per_class")))
            throw new SweepSpecException("data: train_per_class and eval_per_class go with \"real\" (generated data takes per_class and eval_per_class inside \"synthetic\")");
        switch (kinds[0])
        {
            case "shards": return new TrainingData.Shards(Text(data["shards"], "data.shards"));
            case "real":
                return new TrainingData.Real(Text(data["real"], "data.real"),
                    data.TryGetValue("train_per_class", out var t) ? PositiveInt(t, "data.train_per_class") : 300,
                    data.TryGetValue("eval_per_class", out var v) ? PositiveInt(v, "data.eval_per_class") : 100);
        }
        var s = Object(data["synthetic"], "data.synthetic", ["classes", "per_class", "eval_per_class", "style", "seed"]);
        var (set, classes) = s.TryGetValue("classes", out var c) ? SyntheticClasses(c) : ("all", SyntheticDoodles.AllClasses);
        int perClass = s.TryGetValue("per_class", out var p) ? PositiveInt(p, "data.synthetic.per_class") : 600;
        int evalPerClass = s.TryGetValue("eval_per_class", out var ev) ? PositiveInt(ev, "data.synthetic.eval_per_class") : Math.Max(1, perClass / 5);
        if (evalPerClass >= perClass) throw new SweepSpecException($"data.synthetic.eval_per_class ({evalPerClass}) must be less than per_class ({perClass})");
        var style = s.TryGetValue("style", out var st) ? Text(st, "data.synthetic.style") : "hard";
        if (style is not ("easy" or "hard")) throw new SweepSpecException($"data.synthetic.style must be \"easy\" or \"hard\", not \"{style}\"");
        int seed = s.TryGetValue("seed", out var sd) ? (int)Setting.Read(SettingKind.Int, sd, "data.synthetic.seed") : 0;
        return new TrainingData.Synthetic(set, classes, perClass, evalPerClass, style, seed);
    }

    static (string Set, IReadOnlyList<string> Classes) SyntheticClasses(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String && e.GetString() is "all" or "base")
            return e.GetString() == "all" ? ("all", SyntheticDoodles.AllClasses) : ("base", SyntheticDoodles.BaseClasses);
        if (e.ValueKind != JsonValueKind.Array) throw new SweepSpecException($"data.synthetic.classes must be \"all\", \"base\" or a list of class names, not {e.GetRawText()}");
        var names = e.EnumerateArray().Select((x, i) => Text(x, $"data.synthetic.classes[{i}]")).ToList();
        var unknown = names.Except(SyntheticDoodles.AllClasses).ToList();
        if (unknown.Count > 0) throw new SweepSpecException($"data.synthetic.classes: unknown class '{unknown[0]}' (known: {string.Join(", ", SyntheticDoodles.AllClasses)})");
        if (names.Count < 2 || names.Distinct().Count() != names.Count) throw new SweepSpecException("data.synthetic.classes needs at least 2 different classes");
        return (string.Join('+', names), names);
    }

    static SweepBudget ParseBudget(JsonElement e)
    {
        var b = Object(e, "budget", ["steps", "minutes"]);
        long? steps = b.TryGetValue("steps", out var s) ? (long)Setting.Read(SettingKind.Long, s, "budget.steps") : null;
        double? minutes = b.TryGetValue("minutes", out var m) ? (double)Setting.Read(SettingKind.Double, m, "budget.minutes") : null;
        if (steps == null && minutes == null) throw new SweepSpecException("budget needs \"steps\" and/or \"minutes\"");
        if (steps <= 0 || minutes <= 0) throw new SweepSpecException("budget.steps and budget.minutes must be > 0");
        return new SweepBudget(steps, minutes);
    }

    static Dictionary<string, object> ReadSettings(JsonElement e, string where, bool sweepableOnly)
    {
        return Object(e, where, Keys(sweepableOnly)).ToDictionary(kv => kv.Key, kv => Settings.Find(kv.Key)!.Read(kv.Value, $"{where}.{kv.Key}"));
    }

    /// <summary>The keys a spec's base (or, <paramref name="sweepableOnly"/>, its grid and runs) accepts: the settings
    /// table's, less the budget's (steps, max_seconds: the spec's "budget" sets them).</summary>
    public static string[] Keys(bool sweepableOnly) =>
        Settings.All.Where(s => !s.Budget && (s.Sweepable || !sweepableOnly)).Select(s => s.Key).ToArray();

    // The properties of a JSON object, in order; an unknown or repeated key is an error that lists the known ones.
    static List<KeyValuePair<string, JsonElement>> ObjectList(JsonElement e, string where, string[] known)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new SweepSpecException($"{where} must be an object {{...}}, not {e.GetRawText()}");
        var result = new List<KeyValuePair<string, JsonElement>>();
        foreach (var p in e.EnumerateObject())
        {
            if (!known.Contains(p.Name))
            {
                var setting = Settings.Find(p.Name);
                var fixedOnly = (where.StartsWith("grid") || where.StartsWith("runs")) && setting is { Sweepable: false, Budget: false };
                var hint = setting is { Budget: true } ? $"; '{p.Name}' is set by \"budget\""
                         : setting != null && setting.Key != p.Name ? $"; write it as '{setting.Key}' (sweep keys: docs/settings.md)"
                         : Settings.Renamed(p.Name) is { } renamed ? $"; '{p.Name}' is now '{renamed.Key}' ({renamed.Help})"
                         : fixedOnly ? $"; '{p.Name}' cannot be varied: set it in base"
                         : (where.StartsWith("base") || where.StartsWith("grid") || where.StartsWith("runs")) && setting == null ? $"; did you mean '{Settings.Nearest(p.Name).Key}'?" : "";
                throw new SweepSpecException($"unknown key '{p.Name}' in {where} (known: {string.Join(", ", known)}){hint}");
            }
            if (result.Any(kv => kv.Key == p.Name)) throw new SweepSpecException($"'{p.Name}' appears twice in {where}");
            result.Add(new(p.Name, p.Value));
        }
        return result;
    }

    static Dictionary<string, JsonElement> Object(JsonElement e, string where, string[] known) =>
        ObjectList(e, where, known).ToDictionary(kv => kv.Key, kv => kv.Value);

    static string Text(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new SweepSpecException($"{where} must be a string, not {e.GetRawText()}");

    static int PositiveInt(JsonElement e, string where)
    {
        int v = (int)Setting.Read(SettingKind.Int, e, where);
        return v > 0 ? v : throw new SweepSpecException($"{where} must be > 0, not {v}");
    }

    static string Example(string key) => Settings.Find(key)!.Kind switch
    {
        SettingKind.IntList => "[32, 48], [48, 64, 96]",
        SettingKind.Bool => "false, true",
        SettingKind.Double => "0.001, 0.002",
        SettingKind.Text => "\"constant\", \"cosine\"",
        _ => "64, 128",
    };
}
