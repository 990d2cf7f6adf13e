namespace QuickDraw.Download;

/// <summary>Which of the bucket's per-category files to fetch.</summary>
public enum DataFormat
{
    /// <summary><c>full/simplified/&lt;category&gt;.ndjson</c>: strokes <c>[[x...],[y...]]</c>, 0..255, RDP-simplified (≈23 GB in all).</summary>
    Simplified,
    /// <summary><c>full/raw/&lt;category&gt;.ndjson</c>: strokes <c>[[x...],[y...],[t...]]</c> as drawn.</summary>
    Raw,
    /// <summary><c>full/binary/&lt;category&gt;.bin</c>: the simplified drawings in the packed binary format.</summary>
    Binary,
}
