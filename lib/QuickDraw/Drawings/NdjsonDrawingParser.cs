using System.Runtime.CompilerServices;
using System.Text.Json;

namespace QuickDraw.Drawings;

/// <summary>
/// Parses one ndjson line of the Quick, Draw! dataset, simplified (<c>[[x...],[y...]]</c>) or raw
/// (<c>[[x...],[y...],[t...]]</c>), into a reusable <see cref="DrawingBuffer"/>. Never throws on bad input:
/// returns the <see cref="SkipReason"/> and a detail for the user.
/// </summary>
public sealed partial class NdjsonDrawingParser
{
    public DrawingBuffer Buffer { get; } = new();
    public string Word { get; private set; } = "";
    public bool Recognized { get; private set; } = true;
    public string? KeyId { get; private set; }
    public string? CountryCode { get; private set; }
    public string? Timestamp { get; private set; }

    /// <summary>When false (the hot path), metadata strings other than the word are not materialised.</summary>
    public bool ReadMetadata { get; init; } = true;

    /// <summary>Parses <paramref name="line"/> (UTF-8, without the newline). Returns null when it is a usable
    /// drawing (at least 2 points), else why not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SkipReason? Parse(ReadOnlySpan<byte> line, out string detail)
    {
        // The fast scanner takes the dataset's usual lines; anything else is re-read by Utf8JsonReader, which
        // also words every error. Both give the same result for the lines the fast one accepts (see its tests).
        Reset();
        if (!TryScanFast(line, out bool sawDrawing))
        {
            Reset();
            var bad = ScanStrict(line, out sawDrawing, out detail);
            if (bad != null) return bad;
        }
        return Check(sawDrawing, out detail);
    }

    /// <summary><see cref="Parse"/> without the fast scanner: the reference it is tested against.</summary>
    internal SkipReason? ParseStrict(ReadOnlySpan<byte> line, out string detail)
    {
        Reset();
        return ScanStrict(line, out bool sawDrawing, out detail) ?? Check(sawDrawing, out detail);
    }

    void Reset()
    {
        Buffer.Clear();
        Word = "";
        Recognized = true;
        KeyId = CountryCode = Timestamp = null;
    }

    SkipReason? Check(bool sawDrawing, out string detail)
    {
        detail = "";
        if (Word.Length == 0) { detail = "no \"word\""; return SkipReason.MissingWord; }
        if (!sawDrawing || Buffer.PointCount == 0) { detail = "no points"; return SkipReason.EmptyDrawing; }
        if (Buffer.PointCount < 2) { detail = "1 point"; return SkipReason.TooFewPoints; }
        return null;
    }

    SkipReason? ScanStrict(ReadOnlySpan<byte> line, out bool sawDrawing, out string detail)
    {
        detail = "";
        sawDrawing = false;
        try
        {
            var r = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 8 });
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) { detail = "not a JSON object"; return SkipReason.InvalidJson; }
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("word"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.String) Word = r.GetString() ?? "";
                    else if (r.TokenType != JsonTokenType.Null) { detail = "\"word\" is not a string"; return SkipReason.InvalidJson; }
                }
                else if (r.ValueTextEquals("drawing"u8))
                {
                    r.Read();
                    sawDrawing = true;
                    var bad = ReadDrawing(ref r, out detail);
                    if (bad != null) return bad;
                }
                else if (r.ValueTextEquals("recognized"u8))
                {
                    r.Read();
                    Recognized = r.TokenType != JsonTokenType.False;
                }
                else if (ReadMetadata && r.ValueTextEquals("key_id"u8)) { r.Read(); KeyId = ScalarText(ref r); }
                else if (ReadMetadata && r.ValueTextEquals("countrycode"u8)) { r.Read(); CountryCode = ScalarText(ref r); }
                else if (ReadMetadata && r.ValueTextEquals("timestamp"u8)) { r.Read(); Timestamp = ScalarText(ref r); }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }
            if (r.TokenType != JsonTokenType.EndObject || r.Read())
            {
                detail = "unexpected content after the object";
                return SkipReason.InvalidJson;
            }
        }
        catch (JsonException e)
        {
            detail = Shorten(e.Message);
            return SkipReason.InvalidJson;
        }
        catch (InvalidOperationException)
        {
            // GetString on bytes that are not UTF-8: the reader validates them only when decoding.
            detail = "a string is not valid UTF-8";
            return SkipReason.InvalidJson;
        }
        return null;
    }

    /// <summary>The parsed drawing as an immutable record (after a successful <see cref="Parse"/>).</summary>
    public Drawing ToDrawing() => Buffer.ToDrawing(Word, KeyId, CountryCode, Recognized, Timestamp);

    SkipReason? ReadDrawing(ref Utf8JsonReader r, out string detail)
    {
        detail = "";
        if (r.TokenType != JsonTokenType.StartArray) { detail = "\"drawing\" is not a list of strokes"; return SkipReason.InvalidJson; }
        int strokeIndex = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartArray) { detail = $"stroke {strokeIndex} is not a list"; return SkipReason.InvalidJson; }
            int start = Buffer.PointCount;
            int component = 0, xCount = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (r.TokenType != JsonTokenType.StartArray) { detail = $"stroke {strokeIndex} component {component} is not a list"; return SkipReason.InvalidJson; }
                int count = 0;
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    if (r.TokenType != JsonTokenType.Number) { detail = $"stroke {strokeIndex} has a non-number coordinate"; return SkipReason.InvalidJson; }
                    if (component <= 1)
                    {
                        // Coordinates are read as double then rounded to float32, as numpy does on assignment.
                        float v = r.TryGetInt32(out int iv) ? iv : (float)r.GetDouble();
                        if (!float.IsFinite(v))
                        {
                            detail = $"stroke {strokeIndex} has the coordinate {System.Text.Encoding.UTF8.GetString(r.ValueSpan)}, beyond float32's range";
                            return SkipReason.NonFiniteCoordinate;
                        }
                        if (component == 0) Buffer.AddX(v);
                        else if (count < xCount) Buffer.AddY(start + count, v);
                    }
                    count++;
                }
                if (component == 0) xCount = count;
                else if (component == 1 && count != xCount)
                {
                    detail = $"stroke {strokeIndex} has {xCount} x and {count} y";
                    return SkipReason.StrokeLengthMismatch;
                }
                component++;
            }
            if (component < 2)
            {
                detail = component == 0 ? $"stroke {strokeIndex} is empty" : $"stroke {strokeIndex} has x but no y";
                return component == 0 ? SkipReason.InvalidJson : SkipReason.StrokeLengthMismatch;
            }
            Buffer.EndStroke();
            strokeIndex++;
        }
        return null;
    }

    static string? ScalarText(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(r.ValueSpan),
        JsonTokenType.Null => null,
        _ => SkipAndNull(ref r),
    };

    static string? SkipAndNull(ref Utf8JsonReader r) { r.Skip(); return null; }

    static string Shorten(string message)
    {
        int cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }
}
