namespace QuickDraw.Drawings;

/// <summary>One skipped input, located for a person: "cat.ndjson:17: invalid JSON (...)".</summary>
public readonly record struct SkippedDrawing(string File, long Line, SkipReason Reason, string Detail)
{
    public override string ToString() => $"{File}:{Line}: {Describe(Reason)}{(Detail.Length > 0 ? $" ({Detail})" : "")}";

    public static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.InvalidJson => "invalid JSON",
        SkipReason.MissingWord => "missing or empty word",
        SkipReason.EmptyDrawing => "empty drawing",
        SkipReason.StrokeLengthMismatch => "stroke with x/y length mismatch",
        SkipReason.TooFewPoints => "fewer than 2 points",
        SkipReason.TruncatedLine => "truncated last line",
        SkipReason.LineTooLong => "line too long",
        SkipReason.CorruptBinary => "corrupt binary record",
        SkipReason.NotRecognized => "not recognized (dropped by option)",
        SkipReason.NonFiniteCoordinate => "non-finite coordinate",
        SkipReason.TooManyPoints => "too many points",
        _ => reason.ToString(),
    };
}
