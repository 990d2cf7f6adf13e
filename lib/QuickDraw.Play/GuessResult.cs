using System.Text.Json.Serialization;

namespace QuickDraw.Play;

/// <summary>What the model made of a drawing: its top guesses, the target's probability when one was asked for,
/// and the simplified drawing it saw (0–255, integers, strokes of [[x...], [y...]]).</summary>
public sealed record GuessResult(
    [property: JsonPropertyName("guesses")] IReadOnlyList<ClassGuess> Guesses,
    [property: JsonPropertyName("target")] ClassGuess? Target,
    [property: JsonPropertyName("simplified")] float[][][] Simplified,
    [property: JsonPropertyName("points")] int Points);
