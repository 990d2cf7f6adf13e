namespace QuickDraw.Drawings;

/// <summary>One Quick, Draw! drawing as read from ndjson or .bin.</summary>
/// <param name="Word">The category the player was asked to draw.</param>
/// <param name="Strokes">Strokes in drawing order.</param>
/// <param name="KeyId">The dataset's unique id of the drawing (null when the source gives none).</param>
/// <param name="CountryCode">Two-letter country of the player.</param>
/// <param name="Recognized">Whether the game's classifier recognised it (absent → true).</param>
/// <param name="Timestamp">When it was drawn, as the file gives it.</param>
public sealed record Drawing(
    string Word,
    IReadOnlyList<Stroke> Strokes,
    string? KeyId = null,
    string? CountryCode = null,
    bool Recognized = true,
    string? Timestamp = null)
{
    public int PointCount => Strokes.Sum(s => s.Count);
}
