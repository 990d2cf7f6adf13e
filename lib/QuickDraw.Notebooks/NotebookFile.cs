using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuickDraw.Notebooks;

/// <summary>
/// A Jupyter notebook (.ipynb, nbformat 4) as the Polyglot Notebooks extension writes it. Everything in the file is
/// kept as read (notebook and cell metadata, unknown fields); only what the runner changes (a cell's source, its
/// outputs and execution count) is rewritten on <see cref="Save"/>.
/// </summary>
public sealed class NotebookFile
{
    /// <summary>The .NET Interactive C# kernel's kernelspec name.</summary>
    public const string CSharpKernelSpec = ".net-csharp";

    readonly JsonObject root;

    NotebookFile(JsonObject root, string path)
    {
        this.root = root;
        Path = path;
        Cells = (root["cells"] as JsonArray ?? throw new InvalidDataException($"{path}: no \"cells\" array; is it a notebook?"))
            .Select((c, i) => new NotebookCell(c as JsonObject ?? throw new InvalidDataException($"{path}: cell {i} is not an object"), i))
            .ToList();
    }

    /// <summary>Where it was read from.</summary>
    public string Path { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary><c>metadata.kernelspec.name</c> (".net-csharp" for the C# kernel), or null.</summary>
    public string? KernelSpec => root["metadata"]?["kernelspec"]?["name"]?.GetValue<string>();

    /// <summary><c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c> ("csharp"), or null.</summary>
    public string? DefaultKernelName => root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>();

    public static NotebookFile Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"notebook not found: {path}", path);
        return Parse(File.ReadAllText(path), System.IO.Path.GetFullPath(path));
    }

    public static NotebookFile Parse(string json, string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
        return new NotebookFile(node as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object"), path);
    }

    /// <summary>The notebook as JSON, formatted like VS Code writes it (one-space indent).</summary>
    public string ToJson()
    {
        var options = new JsonWriterOptions
        {
            Indented = true, IndentSize = 1, NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options)) root.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public void Save(string path) => File.WriteAllText(path, ToJson());
}

/// <summary>One cell. Code cells carry outputs; the language is the Polyglot cell metadata's kernel name.</summary>
public sealed class NotebookCell
{
    readonly JsonObject node;

    internal NotebookCell(JsonObject node, int index)
    {
        this.node = node;
        Index = index;
    }

    /// <summary>Position in the notebook, from 0.</summary>
    public int Index { get; }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string Kind => node["cell_type"]?.GetValue<string>() ?? "";

    public bool IsCode => Kind == "code";

    /// <summary><c>metadata.polyglot_notebook.kernelName</c> (then the older <c>dotnet_interactive.language</c>), or null.</summary>
    public string? KernelName =>
        node["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? node["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>();

    /// <summary><c>metadata.tags</c> (e.g. "parameters").</summary>
    public IReadOnlyList<string> Tags =>
        (node["metadata"]?["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? [];

    /// <summary>The cell's text (nbformat stores it as one string or as a list of lines).</summary>
    public string Source
    {
        get => node["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
            JsonValue v => v.GetValue<string>(),
            _ => "",
        };
        set => node["source"] = Lines(value);
    }

    /// <summary>The execution count stored in the file (null: never run).</summary>
    public int? ExecutionCount => node["execution_count"]?.GetValue<int>();

    /// <summary>The outputs stored in the file (each an nbformat output object).</summary>
    public JsonArray Outputs => node["outputs"] as JsonArray ?? [];

    /// <summary>Replaces the outputs and the execution count (code cells only).</summary>
    public void SetOutputs(IEnumerable<JsonObject> outputs, int? executionCount)
    {
        node["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray());
        node["execution_count"] = executionCount;
    }

    /// <summary>Text as nbformat's list of lines, each but the last ending with "\n".</summary>
    internal static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) { array.Add(text[start..]); break; }
            array.Add(text[start..(end + 1)]);
            start = end + 1;
        }
        return array;
    }
}
