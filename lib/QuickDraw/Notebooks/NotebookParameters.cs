using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuickDraw.Notebooks;

/// <summary>papermill's convention for C#: the values go into a cell tagged "injected-parameters", right after the
/// cell tagged "parameters", as assignments to the variables that cell declares.</summary>
public static class NotebookParameters
{
    // `int steps = 300;   // comment` → type, name (one declaration per line, as the notebooks write them).
    static readonly Regex Declaration = new(@"^\s*(?<type>[A-Za-z_][\w.<>\[\]?, ]*?)\s+(?<name>[A-Za-z_]\w*)\s*=", RegexOptions.Multiline);

    /// <summary>"a=1,b=[8,16],c=x" (--param values, which the command line joins with commas) → pairs.</summary>
    public static List<(string Name, string Value)> Pairs(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : [.. Regex.Split(joined, @",(?=\s*[A-Za-z_]\w*=)").Select(p =>
        {
            int eq = p.IndexOf('=');
            if (eq <= 0) throw new QuickDraw.Common.CommandLineException($"--param needs NAME=VALUE, got '{p}'");
            return (p[..eq].Trim(), p[(eq + 1)..]);
        })];

    /// <summary>The notebook JSON with an "injected-parameters" cell of assignments after its "parameters" cell; a name
    /// the parameters cell does not declare is an <see cref="ArgumentException"/>.</summary>
    public static string Inject(string json, List<(string Name, string Value)> values)
    {
        if (values.Count == 0) return json;
        var root = JsonNode.Parse(json)!.AsObject();
        var cells = root["cells"]!.AsArray();
        int at = cells.ToList().FindIndex(c => c?["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == "parameters"));
        if (at < 0) throw new QuickDraw.Common.CommandLineException("the notebook has no cell tagged 'parameters' to set");
        var declared = Declaration.Matches(Source(cells[at]!)).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value.Trim());
        var lines = values.Select(v => declared.TryGetValue(v.Name, out var type)
            ? $"{v.Name} = {(type == "string" ? Literal(v.Value) : v.Value)};"
            : throw new QuickDraw.Common.CommandLineException($"no parameter '{v.Name}' in the parameters cell; it declares: {string.Join(", ", declared.Keys)}"));
        cells.Insert(at + 1, new JsonObject
        {
            ["cell_type"] = "code",
            ["id"] = "injected-parameters",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject
            {
                ["tags"] = new JsonArray("injected-parameters"),
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            },
            ["outputs"] = new JsonArray(),
            ["source"] = "// Injected parameters\n" + string.Join("\n", lines),
        });
        return root.ToJsonString();
    }

    /// <summary>A cell's source as one string (a list of lines or one text).</summary>
    public static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
}
