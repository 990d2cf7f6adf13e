namespace QuickDraw.Drawings;

/// <summary>How a line ended.</summary>
public enum LineKind
{
    /// <summary>Ended by '\n'.</summary>
    Complete,
    /// <summary>The file's last bytes, with no '\n' after them (maybe an interrupted write).</summary>
    Unterminated,
    /// <summary>Longer than the limit: its bytes were discarded, not buffered; the span is empty.</summary>
    TooLong,
}
