namespace QuickDraw.Download;

/// <summary>Free-space checks, so a full disk is reported up front (or the moment it happens) with the folder
/// and the bytes still needed, instead of as a bare IOException.</summary>
internal static class DiskSpace
{
    /// <summary>Bytes free to this user on the volume holding <paramref name="path"/> (the nearest existing
    /// folder upwards), or null when the platform cannot tell.</summary>
    public static long? FreeBytes(string path)
    {
        try
        {
            var dir = new DirectoryInfo(Path.GetFullPath(path));
            while (dir is { Exists: false }) dir = dir.Parent;
            return dir is null ? null : new DriveInfo(dir.FullName).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Throws a disk-full <see cref="DownloadException"/> when <paramref name="folder"/>'s volume has less
    /// than <paramref name="needed"/> bytes free.</summary>
    public static void EnsureRoom(string folder, long needed)
    {
        if (needed > 0 && FreeBytes(folder) is long free && free < needed)
            throw DownloadException.DiskFull(Path.GetFullPath(folder), needed, free, null);
    }

    /// <summary>The error for an ENOSPC met while writing <paramref name="file"/>.</summary>
    public static DownloadException Full(string file, long stillNeeded, Exception cause)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return DownloadException.DiskFull(folder, Math.Max(stillNeeded, 1), FreeBytes(folder), cause);
    }
}
