namespace QuickDraw.Drawings;

/// <summary>Streams drawings out of ndjson and .bin files, skipping bad input into a <see cref="SkipLog"/>.</summary>
public static class DrawingReader
{
    /// <summary>Every usable drawing of a file, in file order. Bad items are counted in <paramref name="skips"/>
    /// (file, line and reason), never thrown.</summary>
    public static IEnumerable<Drawing> Read(string path, ReadOptions? options = null, SkipLog? skips = null)
    {
        options ??= new ReadOptions();
        using var file = new DrawingFile(path, options.MaxLineBytes);
        var parser = new DrawingParser(options.DropUnrecognized, readMetadata: true, options.MaxPoints);
        string fallbackWord = DrawingFile.ClassNameOf(path);
        while (true)
        {
            Drawing? drawing = null;
            if (!file.Next(out var bytes, out long number, out var problem, out bool unterminated)) yield break;
            string detail = "";
            problem ??= parser.Parse(file.Format, bytes, unterminated, out detail);
            if (problem is { } reason) skips?.Add(new SkippedDrawing(file.Name, number, reason, detail));
            else if (file.Format == DrawingFormat.Ndjson) drawing = parser.Json.ToDrawing();
            else
            {
                var (key, country, time) = BinaryDrawingFormat.Metadata(bytes);
                drawing = parser.Buffer.ToDrawing(fallbackWord, key, country, parser.Recognized, time);
            }
            if (drawing != null) yield return drawing;
        }
    }

    /// <summary>Parses one drawing's JSON (an ndjson line). Throws <see cref="FormatException"/> with the reason.</summary>
    public static Drawing ParseLine(string json)
    {
        var parser = new NdjsonDrawingParser();
        var problem = parser.Parse(System.Text.Encoding.UTF8.GetBytes(json), out var detail);
        if (problem is { } reason) throw new FormatException($"{SkippedDrawing.Describe(reason)}{(detail.Length > 0 ? $": {detail}" : "")}");
        return parser.ToDrawing();
    }
}
