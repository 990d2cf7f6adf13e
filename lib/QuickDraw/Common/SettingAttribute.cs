namespace QuickDraw.Common;

/// <summary>
/// Marks a property of a configuration record (ModelConfig, TrainConfig) as a setting, and is that setting's one
/// row of the settings table (<c>QuickDraw.Configuration.Settings</c>): its meaning, range and how sweeps treat
/// it. The rest of the row comes from the property: its name (config.json's <c>learningRate</c>, the sweep key
/// <c>learning_rate</c> and the option <c>--learning-rate</c> are all derived from <c>LearningRate</c>), its type
/// and its default (the initializer). Adding a setting is adding a property with this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SettingAttribute(string help) : Attribute
{
    /// <summary>What the setting does, in one line for --help and the settings table.</summary>
    public string Help { get; } = help;

    /// <summary>The value's placeholder in --help (N, X, KIND…); empty: chosen from the type.</summary>
    public string ValueName { get; set; } = "";

    /// <summary>The smallest value accepted (each element of a list); NaN: no lower bound.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>The largest value accepted (each element of a list); NaN: no upper bound.</summary>
    public double Max { get; set; } = double.NaN;

    /// <summary>The value must be strictly greater than <see cref="Min"/>.</summary>
    public bool MinExclusive { get; set; }

    /// <summary>The value must be strictly less than <see cref="Max"/>.</summary>
    public bool MaxExclusive { get; set; }

    /// <summary>For text settings: the values accepted.</summary>
    public string[]? Choices { get; set; }

    /// <summary>A grid or run list of a sweep may vary it.</summary>
    public bool Sweepable { get; set; }

    /// <summary>When a sweep varies it, what the run's name gets before the value ("lr" → <c>_lr0.002</c>); empty: the
    /// model's label already names it.</summary>
    public string RunNamePrefix { get; set; } = "";

    /// <summary>A short command-line alias kept for the most typed settings (<c>--lr</c>); empty: none.</summary>
    public string Alias { get; set; } = "";

    /// <summary>Names it had before (comma-separated, as options without dashes: "eval-every"): an old command line
    /// or sweep key is told the new name instead of a guess.</summary>
    public string Formerly { get; set; } = "";

    /// <summary>Part of a sweep's per-run <c>budget</c>, not of its <c>base</c> (Steps, MaxSeconds).</summary>
    public bool Budget { get; set; }
}
