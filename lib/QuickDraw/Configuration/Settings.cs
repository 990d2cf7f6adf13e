using System.Reflection;
using QuickDraw.Common;
using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Configuration;

/// <summary>
/// The settings table: every [<see cref="SettingAttribute"/>] property of <see cref="ModelConfig"/> and
/// <see cref="TrainConfig"/>, model first, each in declaration order. train.cs's and main.cs's options, the sweep
/// keys, config.json's names, the notebooks' overrides and docs/settings.md all come from it.
/// </summary>
public static class Settings
{
    /// <summary>Every setting, model ones first.</summary>
    public static IReadOnlyList<Setting> All { get; } = Rows(typeof(ModelConfig), SettingTarget.Model).Concat(Rows(typeof(TrainConfig), SettingTarget.Train)).ToList();

    /// <summary>The setting with this name in any spelling (<c>LearningRate</c>, <c>learningRate</c>,
    /// <c>learning_rate</c>, <c>--learning-rate</c>, <c>learning-rate</c>, <c>--lr</c>), or null.</summary>
    public static Setting? Find(string name)
    {
        var bare = name.TrimStart('-');
        return All.FirstOrDefault(s => s.Name == name || s.JsonName == name || s.Key == name || s.Option == "--" + bare || s.Alias == "--" + bare);
    }

    /// <summary>The setting that was called <paramref name="name"/> before (an option or sweep key), or null.</summary>
    public static Setting? Renamed(string name)
    {
        var bare = name.TrimStart('-').Replace('_', '-');
        return All.FirstOrDefault(s => s.Formerly.Contains(bare));
    }

    /// <summary>Like <see cref="Find"/>, but an unknown name is an <see cref="ArgumentException"/> with the nearest one.</summary>
    public static Setting Get(string name) => Find(name) ?? throw new ArgumentException(
        $"no setting '{name}'; did you mean {Nearest(name).Option}? (all: {string.Join(", ", All.Select(s => s.Option))})");

    /// <summary>The setting whose sweep key or option is nearest to <paramref name="name"/>.</summary>
    public static Setting Nearest(string name)
    {
        var bare = name.TrimStart('-').Replace('_', '-').ToLowerInvariant();
        return All.OrderBy(s => EditDistance.Between(s.Option[2..], bare)).First();
    }

    /// <summary>The table as Markdown, as docs/settings.md has it (a test keeps that file current).</summary>
    public static string Markdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# Settings").AppendLine()
          .AppendLine("Generated from the settings table (`lib/QuickDraw/Configuration/Settings.cs`: the `[Setting]` properties of")
          .AppendLine("`ModelConfig` and `TrainConfig`) by `dotnet run scripts/train.cs -- --settings-table docs/settings.md`; a test fails when it is stale.")
          .AppendLine("Each setting has one name, spelled mechanically: `--learning-rate` on a command line (train.cs, main.cs, a")
          .AppendLine("notebook's `overrides`), `learning_rate` in a sweep spec, `learningRate` in a run's config.json.")
          .AppendLine("Presets (`--preset`, a sweep's `\"preset\"`) are named sets of values: see the last columns. A value in brackets")
          .AppendLine("is derived from the others unless given (`--steps 600` with `main` warms up for 50 steps).").AppendLine();
        var presets = Presets.All;
        sb.AppendLine("| option | sweep key | type | range | sweeps | meaning | " + string.Join(" | ", presets.Select(p => p.Name)) + " |");
        sb.AppendLine("|---|---|---|---|---|---|" + string.Concat(presets.Select(_ => "---:|")));
        foreach (var s in All)
        {
            var sweeps = s.Budget ? "budget" : s.Sweepable ? "vary" : "base";
            var option = s.Alias != null ? $"`{s.Option}` (`{s.Alias}`)" : $"`{s.Option}`";
            sb.AppendLine($"| {option} | `{s.Key}` | {s.Kind.ToString().ToLowerInvariant()} | {Escape(s.Range)} | {sweeps} | {Escape(s.Help)} | " +
                          string.Join(" | ", presets.Select(p => Setting.Format(s.Get(p.Settings)) + (p.RuleFor(s) is { } r ? $" ({Escape(r.Formula)})" : ""))) + " |");
        }
        sb.AppendLine().AppendLine("Presets:").AppendLine();
        foreach (var p in presets) sb.AppendLine($"- **{p.Name}**: {p.Description}");
        return sb.ToString();
    }

    static string Escape(string s) => s.Replace("|", "\\|");

    static IEnumerable<Setting> Rows(Type type, SettingTarget target) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<SettingAttribute>() != null)
            .OrderBy(p => p.MetadataToken) // declaration order
            .Select(p => new Setting(p, p.GetCustomAttribute<SettingAttribute>()!, target));
}
