using System.Runtime.CompilerServices;
using System.Buffers.Text;

namespace QuickDraw.Drawings;

// The hot path of conversion: a hand-written scanner for the lines the dataset is made of (an object of ASCII
// strings without escapes, true/false/null, plain numbers, and the drawing's nested lists of numbers).
// It is strict: on anything else (escapes, non-ASCII text, exponents, nested unknown values, any JSON error, any
// drawing that would be skipped) it gives up, and Parse re-reads the line with Utf8JsonReader. So it only has to
// agree with that path on lines that are valid and usable, where it follows the same rules in the same order:
// fields in line order (a repeated one overwrites, a second "drawing" appends), x as int32 when it is one else
// double → float32, y by index, a third list (raw times) checked and ignored, empty strokes dropped.
public sealed partial class NdjsonDrawingParser
{
    // Every word seen, so a line's word costs a lookup, not a string (the converter interleaves classes).
    readonly Dictionary<string, string> words = new(StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool TryScanFast(ReadOnlySpan<byte> s, out bool sawDrawing)
    {
        sawDrawing = false;
        int p = 0;
        SkipSpace(s, ref p);
        if (!Take(s, ref p, (byte)'{')) return false;
        SkipSpace(s, ref p);
        if (!Take(s, ref p, (byte)'}'))
        {
            while (true)
            {
                if (!ReadString(s, ref p, out var key)) return false;
                SkipSpace(s, ref p);
                if (!Take(s, ref p, (byte)':')) return false;
                SkipSpace(s, ref p);
                if (key.SequenceEqual("drawing"u8))
                {
                    if (!ScanDrawing(s, ref p)) return false;
                    sawDrawing = true;
                }
                else if (key.SequenceEqual("word"u8))
                {
                    if (!ReadString(s, ref p, out var word)) return false;
                    Word = WordText(word);
                }
                else if (key.SequenceEqual("recognized"u8))
                {
                    if (Literal(s, ref p, "true"u8)) Recognized = true;
                    else if (Literal(s, ref p, "false"u8)) Recognized = false;
                    else return false;
                }
                else if (ReadMetadata && key.SequenceEqual("key_id"u8)) { if (!ScalarText(s, ref p, out var t)) return false; KeyId = t; }
                else if (ReadMetadata && key.SequenceEqual("countrycode"u8)) { if (!ScalarText(s, ref p, out var t)) return false; CountryCode = t; }
                else if (ReadMetadata && key.SequenceEqual("timestamp"u8)) { if (!ScalarText(s, ref p, out var t)) return false; Timestamp = t; }
                else if (!SkipScalar(s, ref p)) return false;
                SkipSpace(s, ref p);
                if (Take(s, ref p, (byte)',')) { SkipSpace(s, ref p); continue; }
                if (Take(s, ref p, (byte)'}')) break;
                return false;
            }
        }
        SkipSpace(s, ref p);
        return p == s.Length;
    }

    // [[[x...],[y...](,[t...])], ...] into Buffer. False on anything the strict path would report.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool ScanDrawing(ReadOnlySpan<byte> s, ref int p)
    {
        if (!Take(s, ref p, (byte)'[')) return false;
        SkipSpace(s, ref p);
        if (Take(s, ref p, (byte)']')) return true;
        while (true)
        {
            if (!Take(s, ref p, (byte)'[')) return false;
            SkipSpace(s, ref p);
            int start = Buffer.PointCount, component = 0, xCount = 0;
            if (Take(s, ref p, (byte)']')) return false; // an empty stroke: the strict path words it
            while (true)
            {
                if (!Take(s, ref p, (byte)'[')) return false;
                SkipSpace(s, ref p);
                int count = 0;
                if (!Take(s, ref p, (byte)']'))
                {
                    while (true)
                    {
                        if (component <= 1)
                        {
                            // Most coordinates are small non-negative integers followed by ',' or ']': read those
                            // here, anything else (sign, fraction, spaces, 10+ digits) by ReadCoordinate.
                            int q = p, n = 0;
                            uint digit;
                            while ((uint)q < (uint)s.Length && (digit = (uint)(s[q] - '0')) <= 9) { n = unchecked(n * 10 + (int)digit); q++; }
                            float v;
                            if (q - p is >= 1 and <= 9 && (q - p == 1 || s[p] != '0') && (uint)q < (uint)s.Length && s[q] is (byte)',' or (byte)']')
                            {
                                v = n;
                                p = q;
                            }
                            else if (!ReadCoordinate(s, ref p, out v)) return false;
                            if (component == 0) Buffer.AddX(v);
                            else if (count < xCount) Buffer.AddY(start + count, v);
                        }
                        else if (!SkipNumber(s, ref p)) return false;
                        count++;
                        if ((uint)p < (uint)s.Length && s[p] == ',' && (uint)(p + 1) < (uint)s.Length && s[p + 1] > ' ') { p++; continue; }
                        SkipSpace(s, ref p);
                        if (Take(s, ref p, (byte)',')) { SkipSpace(s, ref p); continue; }
                        if (Take(s, ref p, (byte)']')) break;
                        return false;
                    }
                }
                if (component == 0) xCount = count;
                else if (component == 1 && count != xCount) return false;
                component++;
                SkipSpace(s, ref p);
                if (Take(s, ref p, (byte)',')) { SkipSpace(s, ref p); continue; }
                if (Take(s, ref p, (byte)']')) break;
                return false;
            }
            if (component < 2) return false;
            Buffer.EndStroke();
            SkipSpace(s, ref p);
            if (Take(s, ref p, (byte)',')) { SkipSpace(s, ref p); continue; }
            if (Take(s, ref p, (byte)']')) return true;
            return false;
        }
    }

    // A JSON number without exponent: an int32 of up to 9 digits exactly, else its nearest double, then float32
    // (what TryGetInt32, else GetDouble, give).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool ReadCoordinate(ReadOnlySpan<byte> s, ref int p, out float value)
    {
        value = 0;
        int start = p;
        bool negative = p < s.Length && s[p] == '-';
        if (negative) p++;
        int digitsStart = p, n = 0;
        while (p < s.Length && (uint)(s[p] - '0') <= 9) { n = unchecked(n * 10 + (s[p] - '0')); p++; }
        int digits = p - digitsStart;
        if (digits == 0 || (digits > 1 && s[digitsStart] == '0')) return false; // JSON has no leading zeros
        bool fraction = p < s.Length && s[p] == '.';
        if (!fraction && digits <= 9 && !(p < s.Length && (s[p] | 0x20) == 'e')) { value = negative ? -n : n; return true; }
        p = start;
        if (!SkipNumber(s, ref p)) return false;
        if (!Utf8Parser.TryParse(s[start..p], out double d, out int used) || used != p - start) return false;
        value = (float)d;
        return float.IsFinite(value); // beyond float32: the strict path words the skip
    }

    // The extent of a JSON number, without exponent (those go to the strict path).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool SkipNumber(ReadOnlySpan<byte> s, ref int p)
    {
        if (p < s.Length && s[p] == '-') p++;
        int digitsStart = p;
        while (p < s.Length && (uint)(s[p] - '0') <= 9) p++;
        int digits = p - digitsStart;
        if (digits == 0 || (digits > 1 && s[digitsStart] == '0')) return false;
        if (p < s.Length && s[p] == '.')
        {
            int fractionStart = ++p;
            while (p < s.Length && (uint)(s[p] - '0') <= 9) p++;
            if (p == fractionStart) return false;
        }
        return !(p < s.Length && (s[p] | 0x20) == 'e');
    }

    // A string of printable ASCII without escapes; its content (between the quotes). Anything else (an escape,
    // a control character, a non-ASCII byte) is left to the strict path. (Strings here are short: a plain loop
    // beats a vectorised search.)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool ReadString(ReadOnlySpan<byte> s, ref int p, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (!Take(s, ref p, (byte)'"')) return false;
        int q = p;
        while ((uint)q < (uint)s.Length)
        {
            byte b = s[q];
            if ((uint)(b - 0x23) <= 0x5B - 0x23) { q++; continue; } // '#'..'[': digits, upper case, most punctuation
            if (b == '"') { content = s[p..q]; p = q + 1; return true; }
            if (b == '\\' || (uint)(b - 0x20) >= 0x60) return false;
            q++;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool SkipScalar(ReadOnlySpan<byte> s, ref int p) =>
        p < s.Length && s[p] switch
        {
            (byte)'"' => ReadString(s, ref p, out _),
            (byte)'t' => Literal(s, ref p, "true"u8),
            (byte)'f' => Literal(s, ref p, "false"u8),
            (byte)'n' => Literal(s, ref p, "null"u8),
            _ => SkipNumber(s, ref p),
        };

    // Metadata as the strict path keeps it: a string's text, a number's digits, null.
    static bool ScalarText(ReadOnlySpan<byte> s, ref int p, out string? text)
    {
        text = null;
        int start = p;
        if (p < s.Length && s[p] == '"')
        {
            if (!ReadString(s, ref p, out var content)) return false;
            text = System.Text.Encoding.ASCII.GetString(content);
            return true;
        }
        if (Literal(s, ref p, "null"u8)) return true;
        if (!SkipNumber(s, ref p)) return false;
        text = System.Text.Encoding.ASCII.GetString(s[start..p]);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    string WordText(ReadOnlySpan<byte> word)
    {
        if (word.Length > 256) return System.Text.Encoding.ASCII.GetString(word);
        Span<char> chars = stackalloc char[word.Length];
        for (int i = 0; i < word.Length; i++) chars[i] = (char)word[i]; // ASCII: checked by ReadString
        if (words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var known)) return known;
        var text = new string(chars);
        if (words.Count < 10_000) words[text] = text; // bounded, whatever the input
        return text;
    }

    static bool Literal(ReadOnlySpan<byte> s, ref int p, ReadOnlySpan<byte> literal)
    {
        if (!s[p..].StartsWith(literal)) return false;
        p += literal.Length;
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static bool Take(ReadOnlySpan<byte> s, ref int p, byte b)
    {
        if (p < s.Length && s[p] == b) { p++; return true; }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static void SkipSpace(ReadOnlySpan<byte> s, ref int p)
    {
        while (p < s.Length && s[p] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') p++;
    }
}
