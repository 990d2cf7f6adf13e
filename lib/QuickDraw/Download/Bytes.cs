namespace QuickDraw.Download;

/// <summary>Human-readable byte counts.</summary>
public static class Bytes
{
    /// <summary>1536 → "1.5 KB" (powers of 1024, one decimal).</summary>
    public static string Format(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double v = bytes;
        var u = 0;
        while (Math.Abs(v) >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        return u == 0 ? $"{bytes} B" : $"{v:0.0} {units[u]}";
    }
}
