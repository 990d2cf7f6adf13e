using System.Text.Json.Serialization;

namespace QuickDraw.Download;

/// <summary>Source-generated JSON for the stage's small files: single-file scripts (<c>dotnet run x.cs</c>) run
/// with reflection-based serialization disabled, so nothing here may depend on it.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MaxPerClassMarker))]
[JsonSerializable(typeof(Dictionary<string, long>))]
internal sealed partial class DownloadJson : JsonSerializerContext;
