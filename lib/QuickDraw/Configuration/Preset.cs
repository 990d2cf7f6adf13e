namespace QuickDraw.Configuration;

/// <summary>A named set of every setting's value, chosen by <c>--preset</c> (train.cs, main.cs), a sweep spec's
/// <c>"preset"</c> or a notebook's <c>preset</c> parameter, and recorded in each run's config.json. Its
/// <see cref="Rules"/> derive some settings from others (a warm-up from the step budget) unless they are given.</summary>
public sealed record Preset(string Name, string Description, RunSettings Settings)
{
    /// <summary>Settings derived from others unless given (applied to <see cref="Settings"/> already).</summary>
    public IReadOnlyList<PresetRule> Rules { get; init; } = [];

    /// <summary><paramref name="settings"/> (this preset's, with some changed) with every rule applied whose setting
    /// is not among <paramref name="given"/> (setting names in any spelling).</summary>
    public RunSettings Derive(RunSettings settings, IEnumerable<string> given)
    {
        var fixedOnes = given.Select(g => Configuration.Settings.Get(g).Name).ToHashSet();
        foreach (var rule in Rules.Where(r => !fixedOnes.Contains(Configuration.Settings.Get(r.Setting).Name)))
            settings = settings.With(rule.Setting, rule.Value(settings));
        return settings;
    }

    /// <summary>The rule for <paramref name="setting"/>, or null.</summary>
    public PresetRule? RuleFor(Setting setting) => Rules.FirstOrDefault(r => Configuration.Settings.Get(r.Setting) == setting);
}
