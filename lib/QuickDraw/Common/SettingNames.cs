namespace QuickDraw.Common;

/// <summary>The spellings of a setting, each derived from its property's name (<c>LearningRate</c>).</summary>
public static class SettingNames
{
    /// <summary><c>learning_rate</c>: sweep specs (the tutorial's flag spelling).</summary>
    public static string Key(string property) => Separated(property, '_');

    /// <summary><c>--learning-rate</c>: command lines.</summary>
    public static string Option(string property) => "--" + Separated(property, '-');

    /// <summary><c>learningRate</c>: config.json (and a C# variable).</summary>
    public static string Json(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    static string Separated(string property, char separator)
    {
        var sb = new System.Text.StringBuilder(property.Length + 8);
        for (int i = 0; i < property.Length; i++)
        {
            if (i > 0 && char.IsUpper(property[i])) sb.Append(separator);
            sb.Append(char.ToLowerInvariant(property[i]));
        }
        return sb.ToString();
    }
}
