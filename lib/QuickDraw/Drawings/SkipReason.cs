namespace QuickDraw.Drawings;

/// <summary>Why an input drawing was not converted. Every skip is counted and reported with file and line.</summary>
public enum SkipReason
{
    /// <summary>The line is not valid JSON, or not the shape of a Quick, Draw! record.</summary>
    InvalidJson,
    /// <summary>No "word", or an empty one.</summary>
    MissingWord,
    /// <summary>No "drawing", or one without points.</summary>
    EmptyDrawing,
    /// <summary>A stroke whose x and y lists differ in length.</summary>
    StrokeLengthMismatch,
    /// <summary>Fewer than 2 points: the ink (points - 1 rows) would be empty.</summary>
    TooFewPoints,
    /// <summary>The file's last line has no newline and does not parse (an interrupted download).</summary>
    TruncatedLine,
    /// <summary>A line longer than the reader's limit (default 4 MiB): skipped without being buffered.</summary>
    LineTooLong,
    /// <summary>A corrupt record in a binary (.bin) file.</summary>
    CorruptBinary,
    /// <summary>recognized = false, dropped because the option to drop them was on.</summary>
    NotRecognized,
    /// <summary>A coordinate that is not a finite float32 (such as 1e39, beyond float32's range), or a drawing whose
    /// extent overflows float32: its ink would be NaN or infinite, and one such drawing turns a training to NaN.</summary>
    NonFiniteCoordinate,
    /// <summary>More points than the reader's cap (default 10,000; the longest real drawing of the shared sample has
    /// 875): one such drawing would make a training step's time and memory unbounded.</summary>
    TooManyPoints,
}
