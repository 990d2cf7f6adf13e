using System.Text.Json;

namespace QuickDraw.Download;

/// <summary>The sidecar <c>&lt;file&gt;.meta.json</c> beside a file cut short by design (<c>--max-per-class N</c>):
/// it holds only the first <see cref="MaxPerClass"/> drawings, so a later whole-file download must not take it
/// for complete, and a rerun with the same N may skip it.</summary>
/// <param name="MaxPerClass">The N that was asked for.</param>
/// <param name="Drawings">Complete drawings (lines) in the file: N, or fewer when the source ended first.</param>
/// <param name="Bytes">The file's length, to notice a file changed behind the marker's back.</param>
/// <param name="Source">The URL it came from.</param>
/// <param name="EndOfSource">True when the source ended before N drawings: the file is then the whole source.</param>
public sealed record MaxPerClassMarker(int MaxPerClass, long Drawings, long Bytes, bool EndOfSource, string Source)
{
    /// <summary>The sidecar's path for a data file.</summary>
    public static string PathFor(string file) => file + ".meta.json";

    /// <summary>The marker beside <paramref name="file"/>, or null when there is none (or it is unreadable).</summary>
    public static MaxPerClassMarker? Read(string file)
    {
        var path = PathFor(file);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize(File.ReadAllText(path), DownloadJson.Default.MaxPerClassMarker); }
        catch (JsonException) { return null; }
    }

    internal void Write(string file)
    {
        var path = PathFor(file);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, DownloadJson.Default.MaxPerClassMarker));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    internal static void Delete(string file) => File.Delete(PathFor(file));
}
