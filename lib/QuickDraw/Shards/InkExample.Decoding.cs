using QuickDraw.TfRecord;
namespace QuickDraw.Shards;

// Reading the tutorial's record straight from its bytes: no dictionary, no key strings; the ink is copied once.
public static partial class InkExample
{
    /// <summary>Parses and validates a record, allocating only the ink array.</summary>
    public static InkRecord Decode(ReadOnlySpan<byte> record)
    {
        var view = Parse(record);
        return new InkRecord(view.ToArray(), view.Points, view.ClassIndex);
    }

    /// <summary>
    /// Parses and validates a record without allocating: <c>class_index</c> must hold one int64, <c>ink</c> a
    /// float list whose length divides by 3, and <c>shape</c> must be [ink length / 3, 3]. Other features and
    /// unknown fields are ignored. Throws <see cref="InvalidDataException"/> saying what is wrong.
    /// </summary>
    public static InkView Parse(ReadOnlySpan<byte> record)
    {
        ReadOnlySpan<byte> classFeature = default, inkFeature = default, shapeFeature = default;
        bool hasClass = false, hasInk = false, hasShape = false;

        var example = new ProtoReader(record, "tf.train.Example");
        while (example.TryReadTag(out int field, out var wire))
        {
            if (field != FeaturesField || wire != WireType.LengthDelimited) { example.Skip(field, wire); continue; }
            var features = new ProtoReader(example.ReadLengthDelimited(), "tf.train.Features");
            while (features.TryReadTag(out int mapField, out var mapWire))
            {
                if (mapField != MapField || mapWire != WireType.LengthDelimited) { features.Skip(mapField, mapWire); continue; }
                // A key seen twice keeps its last entry, as for any protobuf map. (Within one entry, a repeated
                // value field also keeps the last; Example.Decode merges them instead. No writer does that.)
                var entry = new ProtoReader(features.ReadLengthDelimited(), "tf.train.Features map entry");
                ReadOnlySpan<byte> key = default, value = default;
                while (entry.TryReadTag(out int entryField, out var entryWire))
                {
                    if (entryField == KeyField && entryWire == WireType.LengthDelimited) key = entry.ReadLengthDelimited();
                    else if (entryField == ValueField && entryWire == WireType.LengthDelimited) value = entry.ReadLengthDelimited();
                    else entry.Skip(entryField, entryWire);
                }
                if (key.SequenceEqual(InkKey)) { inkFeature = value; hasInk = true; }
                else if (key.SequenceEqual(ClassIndexKey)) { classFeature = value; hasClass = true; }
                else if (key.SequenceEqual(ShapeKey)) { shapeFeature = value; hasShape = true; }
            }
        }
        if (!hasInk) throw Invalid("it has no 'ink' feature");
        if (!hasClass) throw Invalid("it has no 'class_index' feature");
        if (!hasShape) throw Invalid("it has no 'shape' feature");

        int floatCount = CountInkFloats(inkFeature);
        if (floatCount % 3 != 0) throw Invalid($"'ink' holds {floatCount} floats, not a multiple of 3");
        int points = floatCount / 3;

        Span<long> classIndex = stackalloc long[1];
        int classCount = ReadInt64Feature(classFeature, "class_index", classIndex);
        if (classCount != 1) throw Invalid($"'class_index' holds {classCount} values; expected 1");

        Span<long> shape = stackalloc long[2];
        int shapeCount = ReadInt64Feature(shapeFeature, "shape", shape);
        if (shapeCount != 2 || shape[0] != points || shape[1] != 3)
            throw Invalid($"'shape' is {Describe(shape, shapeCount)}; expected [{points}, 3] for {floatCount} ink floats");

        return new InkView(inkFeature, points, classIndex[0]);
    }

    static int CountInkFloats(ReadOnlySpan<byte> feature)
    {
        var reader = new ProtoReader(feature, "tf.train.Feature 'ink'");
        long count = 0;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (wire == WireType.LengthDelimited && field == FloatListField) count += ScalarLists.CountFloats(reader.ReadLengthDelimited());
            else if (wire == WireType.LengthDelimited && field is 1 or 3) throw WrongKind("ink", field, "float_list");
            else reader.Skip(field, wire);
        }
        if (count > int.MaxValue) throw Invalid("'ink' holds too many floats");
        return (int)count;
    }

    // Fills destination with the first values; returns how many the feature holds (repeated lists concatenate).
    static int ReadInt64Feature(ReadOnlySpan<byte> feature, string name, Span<long> destination)
    {
        // Constant strings: this runs for every record, and the name is only formatted into an error.
        var reader = new ProtoReader(feature, name == "shape" ? "tf.train.Feature 'shape'" : "tf.train.Feature 'class_index'");
        int count = 0;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (wire == WireType.LengthDelimited && field == Int64ListField)
            {
                var list = reader.ReadLengthDelimited();
                count += ScalarLists.ReadInt64s(list, count < destination.Length ? destination[count..] : default);
            }
            else if (wire == WireType.LengthDelimited && field is 1 or 2) throw WrongKind(name, field, "int64_list");
            else reader.Skip(field, wire);
        }
        return count;
    }

    static string Describe(ReadOnlySpan<long> values, int count) =>
        count <= values.Length ? $"[{string.Join(", ", values[..count].ToArray())}]" : $"a list of {count} values";

    static InvalidDataException WrongKind(string name, int field, string expected) =>
        Invalid($"'{name}' holds a {(field == 1 ? "bytes_list" : field == 2 ? "float_list" : "int64_list")}; expected {expected}");

    static InvalidDataException Invalid(string what) => new($"Not a Quick, Draw! ink record: {what}.");
}
