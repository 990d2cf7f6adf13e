using System.Globalization;
using System.Reflection;

namespace QuickDraw.Common;

/// <summary>Checks a configuration record's [<see cref="SettingAttribute"/>] properties against their declared
/// ranges and choices: every number finite, every list element in range, every text one of its choices.</summary>
public static class SettingRules
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting as it is spelled on a command line
    /// (<c>--learning-rate</c>) and in a sweep (<c>learning_rate</c>), the range, and the value given.</summary>
    public static void Check(object config)
    {
        foreach (var p in config.GetType().GetProperties())
        {
            if (p.GetCustomAttribute<SettingAttribute>() is not { } s) continue;
            var value = p.GetValue(config);
            var name = $"{SettingNames.Option(p.Name)} ({SettingNames.Key(p.Name)})";
            switch (value)
            {
                case int[] list:
                    if (list.Length == 0) throw new ArgumentException($"{name} needs at least one value");
                    foreach (var v in list) Number(v, s, name);
                    break;
                case int i: Number(i, s, name); break;
                case long l: Number(l, s, name); break;
                case double d: Number(d, s, name); break;
                case string text when s.Choices is { } choices && !choices.Contains(text):
                    throw new ArgumentException($"{name} must be one of {string.Join(", ", choices)}, not '{text}'");
            }
        }
    }

    /// <summary>The range in words: "a finite number > 0 and ≤ 1", "an integer from 1 to 16"; empty when unbounded.</summary>
    public static string Range(SettingAttribute s, bool integer)
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double x) => x.ToString(integer ? "#,0" : "G", inv);
        bool lo = !double.IsNaN(s.Min), hi = !double.IsNaN(s.Max);
        if (integer && lo && hi && !s.MinExclusive && !s.MaxExclusive) return $"{F(s.Min)} to {F(s.Max)}";
        var parts = new List<string>();
        if (lo) parts.Add($"{(s.MinExclusive ? ">" : "≥")} {F(s.Min)}");
        if (hi) parts.Add($"{(s.MaxExclusive ? "<" : "≤")} {F(s.Max)}");
        return string.Join(" and ", parts);
    }

    static bool Outside(double v, SettingAttribute s) =>
        (!double.IsNaN(s.Min) && (v < s.Min || (s.MinExclusive && v == s.Min))) || (!double.IsNaN(s.Max) && (v > s.Max || (s.MaxExclusive && v == s.Max)));

    static void Number(double v, SettingAttribute s, string name)
    {
        if (!double.IsFinite(v) || Outside(v, s))
        {
            var range = Range(s, integer: false);
            throw new ArgumentException($"{name} must be a finite number{(range.Length > 0 ? " " + range : "")}, not {v.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    static void Number(long v, SettingAttribute s, string name)
    {
        if (Outside(v, s)) throw new ArgumentException($"{name} must be {Range(s, integer: true)}, not {v.ToString("N0", CultureInfo.InvariantCulture)}");
    }
}
