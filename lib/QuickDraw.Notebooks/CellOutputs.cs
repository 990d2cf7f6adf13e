using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using QuickDraw.Display;

namespace QuickDraw.Notebooks;

/// <summary>A cell's <c>display(...)</c> asked for something the notebook kernel could not show either.</summary>
public sealed class NotebookDisplayException(string message) : Exception(message);

/// <summary>One output of a cell, in order: printed text, a displayed value, the cell's value, or its error.</summary>
public sealed class CellOutput
{
    internal CellOutput(string kind) => Kind = kind;

    /// <summary>nbformat's output_type: "stream", "display_data", "execute_result" or "error".</summary>
    public string Kind { get; }

    /// <summary>What was displayed (latest value after updates); null for text and errors.</summary>
    public object? Value { get; internal set; }

    /// <summary>MIME type → content ("text/html", "text/plain"); for a stream, "text/plain" holds the text.</summary>
    public Dictionary<string, string> Data { get; internal set; } = [];

    /// <summary>For an error: exception name and message.</summary>
    public string? ErrorName { get; internal set; }
    public string? ErrorValue { get; internal set; }

    /// <summary>True when it shows nothing: empty text, or an <see cref="Html"/> picture or chart of nothing.</summary>
    public bool IsEmpty => Value is Html h ? h.IsEmpty : Data.Values.All(string.IsNullOrWhiteSpace);

    internal StringBuilder? Stream;

    internal JsonObject ToJson(int executionCount)
    {
        if (Kind == "stream") return new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = NotebookCell.Lines(Stream!.ToString()) };
        if (Kind == "error")
            return new JsonObject
            {
                ["ename"] = ErrorName, ["evalue"] = ErrorValue, ["output_type"] = "error",
                ["traceback"] = new JsonArray((ErrorValue ?? "").Split('\n').Select(l => (JsonNode?)l).ToArray()),
            };
        var json = new JsonObject
        {
            ["data"] = new JsonObject(Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)NotebookCell.Lines(kv.Value)))),
            ["metadata"] = new JsonObject(),
            ["output_type"] = Kind,
        };
        if (Kind == "execute_result") json["execution_count"] = executionCount;
        return json;
    }
}

/// <summary>The handle <c>display(...)</c> returns, as in .NET Interactive: <c>Update</c> replaces what it shows.</summary>
public sealed class DisplayedValue
{
    readonly CellOutput output;
    internal DisplayedValue(CellOutput output) => this.output = output;

    /// <summary>Shows <paramref name="updatedValue"/> in place of the displayed value (a live chart, a progress line).</summary>
    public void Update(object? updatedValue)
    {
        var data = CellOutputs.Format(updatedValue);
        lock (output) { output.Value = updatedValue; output.Data = data; }
    }
}

/// <summary>Collects one cell's outputs, in order; printed text (Console.Out/Error) joins the last text output.</summary>
public sealed class CellOutputs : TextWriter
{
    readonly List<CellOutput> outputs = [];

    public IReadOnlyList<CellOutput> All { get { lock (outputs) return outputs.ToList(); } }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (outputs)
        {
            if (outputs.Count == 0 || outputs[^1].Kind != "stream") outputs.Add(new CellOutput("stream") { Stream = new StringBuilder() });
            outputs[^1].Stream!.Append(value);
            outputs[^1].Data = new() { ["text/plain"] = outputs[^1].Stream!.ToString() };
        }
    }

    internal CellOutput Add(string kind, object? value)
    {
        var output = new CellOutput(kind) { Value = value, Data = Format(value) };
        lock (outputs) outputs.Add(output);
        return output;
    }

    internal void AddError(string name, string message)
    {
        lock (outputs) outputs.Add(new CellOutput("error") { ErrorName = name, ErrorValue = message });
    }

    /// <summary>
    /// MIME data of a value, by the .NET Interactive convention the lib's <see cref="Html"/> follows: the value's type
    /// (or a base type) carries an attribute NAMED TypeFormatterSourceAttribute whose FormatterSourceType creates
    /// formatters with a MimeType and a <c>bool Format(object, TextWriter)</c>. Anything else shows as text.
    /// </summary>
    public static Dictionary<string, string> Format(object? value)
    {
        if (value is null) return new() { ["text/plain"] = "<null>" };
        if (value is string s) return new() { ["text/plain"] = s };
        var type = value.GetType();
        if (type.FullName == "Plotly.NET.GenericChart" || type.BaseType?.FullName == "Plotly.NET.GenericChart")
            throw new NotebookDisplayException("display(chart) of a Plotly.NET chart needs the Plotly.NET.Interactive extension, which this repo " +
                                               "does not use: write display(Show.Chart(chart)) (self-contained HTML, renders offline).");
        var data = new Dictionary<string, string>();
        foreach (var formatter in ConventionFormatters(type))
        {
            var mime = formatter.GetType().GetProperty("MimeType")?.GetValue(formatter) as string;
            var format = formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)]);
            if (mime == null || format == null || data.ContainsKey(mime)) continue;
            var writer = new StringWriter();
            if (format.Invoke(formatter, [value, writer]) is true) data[mime] = writer.ToString();
        }
        if (!data.ContainsKey("text/plain")) data["text/plain"] = value is IEnumerable e and not string ? string.Join(", ", e.Cast<object?>()) : value.ToString() ?? "";
        return data;
    }

    static IEnumerable<object> ConventionFormatters(Type type)
    {
        for (var t = type; t != null; t = t.BaseType)
            foreach (var attribute in t.GetCustomAttributes(inherit: false).Where(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
            {
                if (attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
                var source = Activator.CreateInstance(sourceType);
                var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance);
                if (create?.Invoke(source, null) is IEnumerable formatters)
                    foreach (var f in formatters) if (f != null) yield return f;
            }
    }
}
