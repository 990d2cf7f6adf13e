namespace QuickDraw.Shards;

/// <summary>Progress of a conversion, reported after each chunk.</summary>
public readonly record struct ConvertProgress(long Written, long Target, long BytesRead, long Skipped);
