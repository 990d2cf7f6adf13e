using QuickDraw.Common;

namespace QuickDraw.Configuration;

/// <summary>
/// The settings table on a command line: <see cref="AddSettings"/> declares <c>--preset</c> and one option per
/// setting (its <see cref="Setting.Option"/>, help, range and the default preset's value), <see cref="ReadSettings"/>
/// turns the parsed options into the preset's settings with the given ones changed. A notebook's <c>overrides</c>
/// string is read the same way (<see cref="Apply(Preset, string[])"/>).
/// </summary>
public static class SettingOptions
{
    /// <summary>Declares <c>--preset</c> (default <paramref name="defaults"/>) and every setting's option, except
    /// <paramref name="except"/> (a script that sets one itself).</summary>
    public static CommandLine AddSettings(this CommandLine cli, Preset defaults, params string[] except)
    {
        cli.Option("preset", $"the settings to start from: {Presets.Names} (docs/settings.md); " +
                             "the options below change them", defaults.Name, "NAME");
        foreach (var s in Settings.All.Where(s => !except.Contains(s.Name)))
        {
            var help = s.Help + (s.Range.Length > 0 && s.Kind != SettingKind.Bool ? $" [{s.Range}]" : "");
            var shown = Setting.Format(s.Get(defaults.Settings));
            if (s.Kind == SettingKind.Bool) cli.Switch(s.Option[2..], help, shown);
            else cli.Option(s.Option[2..], help, s.ValueName, shown, s.Alias?[2..]);
            foreach (var former in s.Formerly) cli.Renamed(former, $"{s.Option}{(s.ValueName.Length > 0 ? " " + s.ValueName : "")}: {s.Help}");
        }
        return cli;
    }

    /// <summary>The settings the command line asks for: <c>--preset</c>'s, with every setting given on the command
    /// line changed, then checked. A malformed value is a <see cref="CommandLineException"/> (exit 2); a value out
    /// of its range one with exit code 1.</summary>
    public static RunSettings ReadSettings(this ParsedArgs a) => Read(a.Preset(), [a]);

    // The preset's settings, with the settings given in each parsed command line changed in turn (a later one wins),
    // then the preset's rules for the settings none gave, then checked.
    static RunSettings Read(Preset preset, IEnumerable<ParsedArgs> commandLines)
    {
        var settings = preset.Settings;
        var given = new HashSet<string>();
        foreach (var a in commandLines)
            foreach (var s in a.GivenSettings())
            {
                try { settings = s.With(settings, s.Parse(a.Get(s.Option[2..])!)); }
                catch (FormatException e) { throw new CommandLineException(e.Message); }
                given.Add(s.Name);
            }
        settings = preset.Derive(settings, given);
        try { settings.Validate(); }
        catch (ArgumentException e) { throw new CommandLineException(e.Message, exitCode: 1); }
        return settings;
    }

    /// <summary>The preset <c>--preset</c> names.</summary>
    public static Preset Preset(this ParsedArgs a)
    {
        var name = a.Require("preset");
        return Presets.Find(name) ?? throw new CommandLineException($"--preset '{name}' is not one: use {Presets.Names} (docs/settings.md)");
    }

    /// <summary>The settings given on the command line (not left at the preset's value), in table order.</summary>
    public static IReadOnlyList<Setting> GivenSettings(this ParsedArgs a)
    {
        var given = a.Given.ToHashSet();
        return Settings.All.Where(s => given.Contains(s.Option[2..])).ToList();
    }

    /// <summary>The options of <see cref="GivenSettings"/>, and <c>--preset</c> when given: what a resumed run refuses.</summary>
    public static IReadOnlyList<string> GivenSettingOptions(this ParsedArgs a) =>
        (a.Given.Contains("preset") ? ["--preset"] : Array.Empty<string>()).Concat(a.GivenSettings().Select(s => s.Option)).ToList();

    /// <summary>
    /// <paramref name="settings"/> with <paramref name="overrides"/> applied: options as on train.cs's command line
    /// (<c>--steps 600 --learning-rate 0.003 --batch-norm</c>), read by the same parser. Throws an
    /// <see cref="ArgumentException"/> naming a bad option or value.
    /// </summary>
    public static RunSettings Apply(RunSettings settings, string overrides) => Apply(new Preset("", "", settings), overrides);

    /// <summary><paramref name="preset"/>'s settings with each of <paramref name="overrides"/> applied in turn (a later
    /// one wins: a notebook's <c>overrides</c>, then "--steps 100000" for its long run), then the preset's rules for the
    /// settings none gave (<see cref="Preset.Derive"/>): a notebook's <c>preset</c> and <c>overrides</c>.</summary>
    public static RunSettings Apply(Preset preset, params string[] overrides)
    {
        var cli = new CommandLine("overrides", "").AddSettings(preset);
        try { return Read(preset, overrides.Select(o => cli.Parse(o.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList()); }
        catch (CommandLineException e) { throw new ArgumentException($"overrides: {e.Message.Replace("(see --help)", "(docs/settings.md)")}", e); }
    }
}
