using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Configuration;

/// <summary>Every setting of a run: the model's shape and how it is trained. A preset is one
/// (<see cref="Presets"/>); a command line, a sweep or a notebook changes some of its settings.</summary>
public sealed record RunSettings(ModelConfig Model, TrainConfig Train)
{
    /// <summary>The tutorial's defaults (the records' own).</summary>
    public static RunSettings Defaults => new(new ModelConfig(), new TrainConfig());

    /// <summary>A copy with the setting named <paramref name="name"/> (in any of its spellings) at <paramref name="value"/>.</summary>
    public RunSettings With(string name, object value) => Settings.Get(name).With(this, value);

    /// <summary>The value of the setting named <paramref name="name"/> (in any of its spellings).</summary>
    public object this[string name] => Settings.Get(name).Get(this);

    /// <summary>Throws an <see cref="ArgumentException"/> for the first setting out of its range (see
    /// <see cref="ModelConfig.Validate"/>, <see cref="TrainConfig.Validate"/>).</summary>
    public void Validate()
    {
        Model.Validate();
        Train.Validate();
    }

    /// <summary>The settings whose values differ from <paramref name="basis"/>'s, in table order.</summary>
    public IReadOnlyList<(Setting Setting, object Value)> Differences(RunSettings basis) =>
        Settings.All.Where(s => !Setting.Same(s.Get(this), s.Get(basis))).Select(s => (s, s.Get(this))).ToList();

    /// <summary>The options that turn <paramref name="preset"/> into these settings: <c>--preset main --steps 600</c>.</summary>
    public string CommandLine(Preset preset) =>
        string.Join(' ', Differences(preset.Settings).Select(d => d.Value switch
        {
            true => d.Setting.Option,
            false => d.Setting.Option + "=false",
            _ => $"{d.Setting.Option} {Quote(Setting.Format(d.Value))}",
        }).Prepend($"--preset {preset.Name}"));

    static string Quote(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '-' or '_' or ':' or '+') ? s : $"\"{s}\"";
}
