using System.Globalization;
using System.Reflection;
using System.Text.Json;
using QuickDraw.Common;

namespace QuickDraw.Configuration;

/// <summary>
/// One row of the settings table (<see cref="Settings"/>): a [<see cref="SettingAttribute"/>] property of
/// <see cref="QuickDraw.Model.ModelConfig"/> or <see cref="QuickDraw.Training.TrainConfig"/>. Its spellings are
/// derived from the property's name, never written by hand: <see cref="Name"/> <c>LearningRate</c> (C#),
/// <see cref="JsonName"/> <c>learningRate</c> (config.json), <see cref="Key"/> <c>learning_rate</c> (sweep specs),
/// <see cref="Option"/> <c>--learning-rate</c> (train.cs, main.cs, a notebook's overrides).
/// </summary>
public sealed class Setting
{
    readonly PropertyInfo property;
    readonly SettingAttribute info;

    internal Setting(PropertyInfo property, SettingAttribute info, SettingTarget target)
    {
        this.property = property;
        this.info = info;
        Target = target;
        Kind = property.PropertyType switch
        {
            var t when t == typeof(int) => SettingKind.Int,
            var t when t == typeof(long) => SettingKind.Long,
            var t when t == typeof(double) => SettingKind.Double,
            var t when t == typeof(bool) => SettingKind.Bool,
            var t when t == typeof(string) => SettingKind.Text,
            var t when t == typeof(int[]) => SettingKind.IntList,
            var t => throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name}: a setting cannot be of type {t.Name}"),
        };
    }

    /// <summary>The property's name: <c>LearningRate</c>.</summary>
    public string Name => property.Name;

    /// <summary>The sweep key: <c>learning_rate</c>.</summary>
    public string Key => SettingNames.Key(Name);

    /// <summary>The command-line option, with its dashes: <c>--learning-rate</c>.</summary>
    public string Option => SettingNames.Option(Name);

    /// <summary>The name in config.json: <c>learningRate</c>.</summary>
    public string JsonName => SettingNames.Json(Name);

    /// <summary>Its former option names, without dashes ("eval-every").</summary>
    public IReadOnlyList<string> Formerly => info.Formerly.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A short option kept for the most typed settings (<c>--lr</c>), or null.</summary>
    public string? Alias => info.Alias.Length > 0 ? "--" + info.Alias : null;

    public SettingTarget Target { get; }
    public SettingKind Kind { get; }

    /// <summary>What it does, in one line.</summary>
    public string Help => info.Help;

    /// <summary>The value's placeholder in --help.</summary>
    public string ValueName => info.ValueName.Length > 0 ? info.ValueName : Kind switch
    {
        SettingKind.Int or SettingKind.Long => "N",
        SettingKind.Double => "X",
        SettingKind.IntList => "A,B,..",
        SettingKind.Bool => "",
        _ => "TEXT",
    };

    /// <summary>The range in words ("1 to 16,384", "> 0 and ≤ 1") or the choices ("auto, dense, packed"); empty when any value goes.</summary>
    public string Range => info.Choices is { } c ? string.Join(", ", c) : SettingRules.Range(info, integer: Kind is SettingKind.Int or SettingKind.Long or SettingKind.IntList);

    /// <summary>The values a text setting accepts, or null.</summary>
    public IReadOnlyList<string>? Choices => info.Choices;

    /// <summary>A sweep's grid or run list may vary it.</summary>
    public bool Sweepable => info.Sweepable;

    /// <summary>What a sweep's run name gets before the value when the sweep varies it (empty: the model's label names it).</summary>
    public string RunNamePrefix => info.RunNamePrefix;

    /// <summary>Set by a sweep's <c>budget</c> (steps, minutes), not its <c>base</c>.</summary>
    public bool Budget => info.Budget;

    /// <summary>The value in <paramref name="settings"/>.</summary>
    public object Get(RunSettings settings) => property.GetValue(Target == SettingTarget.Model ? settings.Model : settings.Train)!;

    /// <summary>A copy of <paramref name="settings"/> with this setting at <paramref name="value"/> (of this setting's type).</summary>
    public RunSettings With(RunSettings settings, object value)
    {
        if (value.GetType() != property.PropertyType)
            throw new ArgumentException($"{Option}: a {property.PropertyType.Name} value is needed, not {value.GetType().Name}");
        if (Target == SettingTarget.Model) return settings with { Model = Copy(settings.Model, value) };
        return settings with { Train = Copy(settings.Train, value) };
    }

    // A record's copy (what `with` does), then the init-only setter on the copy.
    T Copy<T>(T record, object value) where T : class
    {
        var copy = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.SetValue(copy, value);
        return copy;
    }

    /// <summary>Reads a value written on a command line (<c>0.004</c>, <c>48,64,96</c>, <c>true</c>); the message of
    /// the <see cref="FormatException"/> names the option and what was expected.</summary>
    public object Parse(string text)
    {
        var inv = CultureInfo.InvariantCulture;
        try
        {
            return Kind switch
            {
                SettingKind.Int => int.Parse(text.Replace("_", ""), NumberStyles.Integer, inv),
                SettingKind.Long => long.Parse(text.Replace("_", ""), NumberStyles.Integer, inv),
                SettingKind.Double => double.Parse(text, NumberStyles.Float, inv),
                SettingKind.Bool => text.ToLowerInvariant() switch { "true" => true, "false" => false, _ => throw new FormatException() },
                SettingKind.Text => text,
                SettingKind.IntList => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, NumberStyles.Integer, inv)).ToArray(),
                _ => throw new InvalidOperationException(Kind.ToString()),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"{Option} must be {What}, not '{text}'");
        }
    }

    /// <summary>Reads a JSON value of this setting's type, or explains (with <paramref name="where"/>) what was expected.</summary>
    public object Read(JsonElement e, string where) => Read(Kind, e, where);

    /// <summary>Reads a JSON value of <paramref name="kind"/>; a <see cref="FormatException"/> names <paramref name="where"/>
    /// and what was expected.</summary>
    public static object Read(SettingKind kind, JsonElement e, string where) => kind switch
    {
        SettingKind.Int => ReadInt(e, where),
        SettingKind.Long => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var l) ? l : throw Wrong(e, where, "an integer"),
        SettingKind.Double => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Wrong(e, where, "a number"),
        SettingKind.Bool => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw Wrong(e, where, "true or false"),
        SettingKind.Text => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Wrong(e, where, "a string"),
        SettingKind.IntList => e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select((x, i) => ReadInt(x, $"{where}[{i}]")).ToArray()
            : throw Wrong(e, where, "a list of integers such as [48, 64]"),
        _ => throw new InvalidOperationException(kind.ToString()),
    };

    /// <summary>The value as a command line and a run name write it: <c>32,48</c> (<c>32-48</c> in a name), 0.002, true.</summary>
    public static string Format(object value, char listSeparator = ',') => value switch
    {
        int[] a => string.Join(listSeparator, a.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        double d => d.ToString("G", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Value equality that treats int lists by content.</summary>
    public static bool Same(object a, object b) => a is int[] x && b is int[] y ? x.SequenceEqual(y) : a.Equals(b);

    public override string ToString() => Option;

    string What => Kind switch
    {
        SettingKind.Int or SettingKind.Long => "an integer",
        SettingKind.Double => "a number",
        SettingKind.Bool => "true or false",
        SettingKind.IntList => "comma-separated integers",
        _ => "text",
    };

    static int ReadInt(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var i) ? i : throw Wrong(e, where, "an integer");

    static FormatException Wrong(JsonElement e, string where, string what) => new($"{where} must be {what}, not {e.GetRawText()}");
}
