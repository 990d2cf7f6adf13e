using System.Text.Json;
using QuickDraw.Drawings;

namespace QuickDraw.Play;

/// <summary>
/// One <c>POST /api/guess</c> body, read and checked: <c>{"strokes": [[[x...], [y...], [t...]], ...], "target": "cat"}</c>
/// in screen pixels (<c>t</c>, milliseconds, and <c>target</c>, a class whose probability to report, are optional).
/// </summary>
/// <param name="Strokes">The strokes, in drawing order.</param>
/// <param name="Target">The class the player was asked to draw, or null.</param>
public sealed record GuessRequest(IReadOnlyList<Stroke> Strokes, string? Target)
{
    /// <summary>Largest body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Most points in one drawing: 20 seconds of pointer events at 120 Hz is 2,400.</summary>
    public const int MaxPoints = 20_000;

    /// <summary>Most strokes in one drawing.</summary>
    public const int MaxStrokes = 1_000;

    /// <summary>Largest |coordinate| accepted, in pixels.</summary>
    public const double MaxCoordinate = 1e6;

    /// <summary>Parses and checks a body; throws <see cref="BadGuessRequestException"/> with a one-line reason.</summary>
    public static GuessRequest Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxBodyBytes) throw new BadGuessRequestException($"request body is {json.Length:N0} bytes; the limit is {MaxBodyBytes:N0}");
        JsonDocument doc;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
        try { doc = JsonDocument.ParseValue(ref reader); }
        catch (JsonException e) { throw new BadGuessRequestException($"malformed JSON: {FirstLine(e.Message)}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new BadGuessRequestException("the body must be a JSON object: {\"strokes\": [[[x...], [y...]], ...]}");
            if (!root.TryGetProperty("strokes", out var strokesJson) || strokesJson.ValueKind != JsonValueKind.Array)
                throw new BadGuessRequestException("missing \"strokes\": give an array of strokes, each [[x...], [y...]] or [[x...], [y...], [t...]]");
            string? target = null;
            if (root.TryGetProperty("target", out var t) && t.ValueKind != JsonValueKind.Null)
                target = t.ValueKind == JsonValueKind.String ? t.GetString() : throw new BadGuessRequestException("\"target\" must be a class name (a string)");

            int count = strokesJson.GetArrayLength();
            if (count == 0) throw new BadGuessRequestException("no strokes: draw something first");
            if (count > MaxStrokes) throw new BadGuessRequestException($"{count:N0} strokes; the limit is {MaxStrokes:N0}");
            var strokes = new List<Stroke>(count);
            int points = 0, s = 0;
            foreach (var stroke in strokesJson.EnumerateArray())
            {
                if (stroke.ValueKind != JsonValueKind.Array || stroke.GetArrayLength() is < 2 or > 3)
                    throw new BadGuessRequestException($"stroke {s}: must be [[x...], [y...]] or [[x...], [y...], [t...]]");
                var x = Numbers(stroke[0], s, "x");
                var y = Numbers(stroke[1], s, "y");
                if (x.Length != y.Length) throw new BadGuessRequestException($"stroke {s}: {x.Length} x but {y.Length} y coordinates");
                if (x.Length == 0) throw new BadGuessRequestException($"stroke {s}: no points");
                if (stroke.GetArrayLength() == 3)
                {
                    var times = Numbers(stroke[2], s, "t");
                    if (times.Length != x.Length) throw new BadGuessRequestException($"stroke {s}: {x.Length} points but {times.Length} times");
                }
                points += x.Length;
                if (points > MaxPoints) throw new BadGuessRequestException($"over {MaxPoints:N0} points; the limit is {MaxPoints:N0}");
                strokes.Add(new Stroke(x, y));
                s++;
            }
            if (points < 2) throw new BadGuessRequestException("one point is not a drawing: give at least 2 points");
            return new GuessRequest(strokes, target);
        }
    }

    static float[] Numbers(JsonElement array, int stroke, string axis)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new BadGuessRequestException($"stroke {stroke}: {axis} must be an array of numbers");
        int n = array.GetArrayLength();
        if (n > MaxPoints) throw new BadGuessRequestException($"stroke {stroke}: {n:N0} points; the limit is {MaxPoints:N0}");
        var values = new float[n];
        int i = 0;
        foreach (var v in array.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d))
                throw new BadGuessRequestException($"stroke {stroke}, {axis}[{i}]: not a number");
            if (!double.IsFinite(d) || Math.Abs(d) > (axis == "t" ? double.MaxValue : MaxCoordinate))
                throw new BadGuessRequestException($"stroke {stroke}, {axis}[{i}] = {d}: coordinates must be finite and within ±{MaxCoordinate:0e0} pixels");
            values[i++] = (float)d;
        }
        return values;
    }

    static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
