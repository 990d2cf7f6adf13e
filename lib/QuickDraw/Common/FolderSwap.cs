using System.Runtime.InteropServices;

namespace QuickDraw.Common;

/// <summary>Replaces a folder by another one in a single step where the OS allows it (Linux: renameat2 with
/// RENAME_EXCHANGE swaps two paths atomically), else by two renames.</summary>
public static class FolderSwap
{
    /// <summary>Puts <paramref name="replacement"/> at <paramref name="target"/>. Afterwards <paramref name="replacement"/>
    /// holds the old folder (when there was one) for the caller to delete. Returns true when the swap was atomic.</summary>
    public static bool Replace(string target, string replacement)
    {
        if (!Directory.Exists(target)) { Directory.Move(replacement, target); return true; }
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (renameat2(AtFdCwd, replacement, AtFdCwd, target, RenameExchange) == 0) return true;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { }
        }
        // Not atomic: between the two renames there is no folder at target (a reader says "not found", never mixes).
        var aside = replacement + ".swap";
        Directory.Move(target, aside);
        Directory.Move(replacement, target);
        Directory.Move(aside, replacement);
        return false;
    }

    const int AtFdCwd = -100;
    const uint RenameExchange = 2;

    [DllImport("libc", SetLastError = true)]
    static extern int renameat2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);
}
