using System.Text.Json.Serialization;

namespace QuickDraw.Play;

/// <summary>One class and its probability.</summary>
public sealed record ClassGuess([property: JsonPropertyName("class")] string Class, [property: JsonPropertyName("probability")] double Probability);
