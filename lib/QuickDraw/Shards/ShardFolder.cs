using QuickDraw.Common;

namespace QuickDraw.Shards;

/// <summary>
/// A shards folder written whole or not at all. <see cref="Begin"/> takes the folder's lock (<c>&lt;folder&gt;.lock</c>,
/// beside it), removes what an interrupted conversion left, and makes a sibling temporary folder
/// (<c>&lt;folder&gt;.partial-&lt;pid&gt;</c>) to build in; <see cref="Commit"/> swaps it in for the old folder in one
/// step. A kill at any moment leaves either the old shards and classes file or the new ones, never a mix, and a
/// smaller --shards leaves no old -of-0000N files behind.
/// </summary>
public sealed class ShardFolder : IDisposable
{
    readonly OutputLock held;
    bool committed;

    ShardFolder(string final, string building, OutputLock held) { Final = final; Building = building; this.held = held; }

    /// <summary>The folder the shards end up in.</summary>
    public string Final { get; }

    /// <summary>The temporary folder they are written to.</summary>
    public string Building { get; }

    /// <summary>Locks <paramref name="folder"/> for a conversion and prepares the temporary folder. Throws an
    /// <see cref="ActionableException"/> when another conversion holds the lock, or when the folder holds files that
    /// are not shards (they would be lost with the old folder).</summary>
    public static ShardFolder Begin(string folder, Action<string>? notice = null)
    {
        var final = Path.GetFullPath(Path.TrimEndingDirectorySeparator(folder));
        var parent = Path.GetDirectoryName(final)!;
        var name = Path.GetFileName(final);
        Directory.CreateDirectory(parent);
        var held = OutputLock.Acquire(final + ".lock", $"the shards folder {final}", notice);
        try
        {
            // We hold the lock, so whatever these are, they are an interrupted conversion's.
            var partials = Directory.GetDirectories(parent, name + ".partial-*");
            if (!Directory.Exists(final) && partials.FirstOrDefault(p => IsComplete(p) && p.EndsWith(".swap")) is { } aside)
            {
                Directory.Move(aside, final); // killed between the two renames of a non-atomic swap: the old folder
                notice?.Invoke($"restored {final} (a conversion was interrupted while swapping folders)");
            }
            foreach (var p in Directory.GetDirectories(parent, name + ".partial-*"))
            {
                Directory.Delete(p, recursive: true);
                notice?.Invoke($"removed {p}, left by an interrupted conversion");
            }
            if (Directory.Exists(final))
            {
                var foreign = Directory.EnumerateFileSystemEntries(final).Select(Path.GetFileName).Where(n => !IsShardFile(n!)).Order(StringComparer.Ordinal).ToList();
                if (foreign.Count > 0)
                    throw new ActionableException(
                        $"the output folder holds {foreign.Count} file(s) that are not shards ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? ", ..." : "")})",
                        final, "choose a new or empty --output folder: a conversion replaces the whole folder", exitCode: 2);
            }
            var building = $"{final}.partial-{Environment.ProcessId}";
            Directory.CreateDirectory(building);
            return new ShardFolder(final, building, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Swaps the finished temporary folder in for the old one, then deletes the old one.</summary>
    public void Commit()
    {
        FolderSwap.Replace(Final, Building);
        committed = true;
        if (Directory.Exists(Building)) Directory.Delete(Building, recursive: true); // the old shards
    }

    /// <summary>Deletes the temporary folder when the conversion did not commit, and releases the lock.</summary>
    public void Dispose()
    {
        try { if (!committed && Directory.Exists(Building)) Directory.Delete(Building, recursive: true); }
        catch (IOException) { }
        finally { held.Dispose(); }
    }

    // What a conversion writes: shards (and their temporary files) and the classes file.
    static bool IsShardFile(string name) =>
        name == ShardLayout.ClassesFile || System.Text.RegularExpressions.Regex.IsMatch(name, @"^(training|eval)\.tfrecord-\d{5}-of-\d{5}(\.tmp)?$");

    static bool IsComplete(string folder) => File.Exists(Path.Combine(folder, ShardLayout.ClassesFile));
}
