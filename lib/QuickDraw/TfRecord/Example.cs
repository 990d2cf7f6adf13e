using System.Text;

namespace QuickDraw.TfRecord;

/// <summary>
/// A tf.train.Example: named features, each a list of bytes, float32s or int64s. <see cref="Encode"/> is
/// deterministic (keys in sorted order, float and int64 lists packed), so equal content gives equal bytes.
/// </summary>
public sealed class Example
{
    // Example { Features features = 1; }  Features { map<string, Feature> feature = 1; }  entry: key = 1, value = 2.
    const int FeaturesField = 1;
    const int MapField = 1;
    const int KeyField = 1;
    const int ValueField = 2;

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The features by name, in ordinal (for ASCII names: UTF-8 byte) order, the order they are written in.</summary>
    public SortedDictionary<string, Feature> Features { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a feature; returns this example, for chaining.</summary>
    public Example With(string name, Feature feature)
    {
        Features[name] = feature;
        return this;
    }

    /// <summary>The serialized tf.train.Example.</summary>
    public byte[] Encode()
    {
        // Sizes first (protobuf prefixes each message with its length), then one exact-size write.
        var entries = new (byte[] Key, Feature Value, int FeatureLength, int EntryLength)[Features.Count];
        int featuresLength = 0, i = 0;
        foreach (var (name, feature) in Features)
        {
            var key = StrictUtf8.GetBytes(name);
            int featureLength = feature.EncodedLength();
            int entryLength = ProtoWriter.LengthDelimitedSize(KeyField, key.Length)
                            + ProtoWriter.LengthDelimitedSize(ValueField, featureLength);
            entries[i++] = (key, feature, featureLength, entryLength);
            featuresLength += ProtoWriter.LengthDelimitedSize(MapField, entryLength);
        }

        var bytes = new byte[ProtoWriter.LengthDelimitedSize(FeaturesField, featuresLength)];
        int position = 0;
        ProtoWriter.WriteLengthPrefix(bytes, ref position, FeaturesField, featuresLength);
        foreach (var (key, feature, featureLength, entryLength) in entries)
        {
            ProtoWriter.WriteLengthPrefix(bytes, ref position, MapField, entryLength);
            ProtoWriter.WriteLengthPrefix(bytes, ref position, KeyField, key.Length);
            key.CopyTo(bytes, position);
            position += key.Length;
            ProtoWriter.WriteLengthPrefix(bytes, ref position, ValueField, featureLength);
            feature.WriteTo(bytes, ref position);
        }
        return bytes;
    }

    /// <summary>
    /// Parses a serialized tf.train.Example. Accepts packed and unpacked lists and skips unknown fields;
    /// throws <see cref="InvalidDataException"/> on malformed bytes.
    /// </summary>
    public static Example Decode(ReadOnlySpan<byte> bytes)
    {
        var example = new Example();
        var reader = new ProtoReader(bytes, "tf.train.Example");
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == FeaturesField && wire == WireType.LengthDelimited) DecodeFeatures(reader.ReadLengthDelimited(), example.Features);
            else reader.Skip(field, wire);
        }
        return example;
    }

    static void DecodeFeatures(ReadOnlySpan<byte> message, SortedDictionary<string, Feature> features)
    {
        var reader = new ProtoReader(message, "tf.train.Features");
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field != MapField || wire != WireType.LengthDelimited)
            {
                reader.Skip(field, wire);
                continue;
            }
            // A map entry may omit its key ("") or value (empty Feature); a repeated key keeps the last entry.
            var entry = new ProtoReader(reader.ReadLengthDelimited(), "tf.train.Features map entry");
            string key = "";
            Feature? value = null;
            while (entry.TryReadTag(out int entryField, out var entryWire))
            {
                if (entryField == KeyField && entryWire == WireType.LengthDelimited) key = DecodeKey(entry.ReadLengthDelimited());
                else if (entryField == ValueField && entryWire == WireType.LengthDelimited) value = Feature.Decode(entry.ReadLengthDelimited(), value);
                else entry.Skip(entryField, entryWire);
            }
            features[key] = value ?? Feature.Empty;
        }
    }

    static string DecodeKey(ReadOnlySpan<byte> utf8)
    {
        try { return StrictUtf8.GetString(utf8); }
        catch (DecoderFallbackException e) { throw new InvalidDataException("Malformed tf.train.Features: a feature name is not valid UTF-8.", e); }
    }
}
