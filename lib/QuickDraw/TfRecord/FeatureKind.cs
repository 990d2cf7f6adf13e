namespace QuickDraw.TfRecord;

/// <summary>Which list a <see cref="Feature"/> holds (tf.train.Feature's <c>oneof kind</c>).</summary>
public enum FeatureKind
{
    /// <summary>No list set (an empty tf.train.Feature).</summary>
    None = 0,
    BytesList = 1,
    FloatList = 2,
    Int64List = 3,
}
