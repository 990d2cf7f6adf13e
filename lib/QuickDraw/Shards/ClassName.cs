using QuickDraw.Common;

namespace QuickDraw.Shards;

/// <summary>
/// What a class name may be: it becomes one line of <c>training.tfrecord.classes</c> (line i = class index i) and
/// a label in every report, so a newline in it would shift every later class by one. Non-empty, no control or
/// line-separator characters, no path separators, not "." or "..".
/// </summary>
public static class ClassName
{
    /// <summary>Why <paramref name="name"/> cannot be a class name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "the class name is empty";
        if (name.Trim().Length == 0) return "the class name is only spaces";
        if (name is "." or "..") return $"the class name is '{name}'";
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
                return $"the class name holds a control character (U+{(int)c:X4}) in \"{Visible(name)}\"";
            if (c is '/' or '\\') return $"the class name holds a path separator ('{c}') in \"{name}\"";
        }
        return null;
    }

    /// <summary>Throws an <see cref="ActionableException"/> naming <paramref name="source"/> (the file the name came
    /// from) when <paramref name="name"/> is not a valid class name.</summary>
    public static string Check(string name, string source, string whatToDo)
    {
        if (Problem(name) is { } problem) throw new ActionableException(problem, Visible(source), whatToDo);
        return name;
    }

    /// <summary><paramref name="s"/> with control characters written as \n, \t, \uXXXX, so a message stays one readable line.</summary>
    public static string Visible(string s) => string.Concat(s.Select(c => c switch
    {
        '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
        _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    }));
}
