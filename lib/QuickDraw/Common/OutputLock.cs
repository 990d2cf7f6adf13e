using System.Diagnostics;

namespace QuickDraw.Common;

/// <summary>
/// One writer per output (a shards folder, a run folder): a lock file created exclusively, holding the owner's
/// pid and process start time. A second job on the same output fails at once with an error naming the owner; a
/// lock whose owner is dead (killed, crashed) is stale and taken over, with a notice. Dispose releases it.
/// </summary>
public sealed class OutputLock : IDisposable
{
    readonly string path;
    readonly string token;
    bool released;

    OutputLock(string path, string token) { this.path = path; this.token = token; }

    /// <summary>The lock file's path.</summary>
    public string Path => path;

    /// <summary>Takes the lock <paramref name="lockFile"/> for <paramref name="what"/> (e.g. "the shards folder X"), or
    /// throws an <see cref="ActionableException"/> naming the process that holds it. <paramref name="notice"/> hears
    /// about a stale lock taken over.</summary>
    public static OutputLock Acquire(string lockFile, string what, Action<string>? notice = null)
    {
        lockFile = System.IO.Path.GetFullPath(lockFile);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(lockFile)!);
        int pid = Environment.ProcessId;
        string token = $"{pid} {StartTimeOf(pid)} {Guid.NewGuid():N}";
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using (var fs = new FileStream(lockFile, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var w = new StreamWriter(fs))
                    w.Write($"{token}\n{Environment.MachineName}\n{Environment.CommandLine}\n");
                return new OutputLock(lockFile, token);
            }
            catch (IOException) when (File.Exists(lockFile) && attempt < 3)
            {
                var owner = ReadOwner(lockFile);
                if (owner is { } o && IsAlive(o.Pid, o.StartTime))
                    throw new ActionableException($"{what} is in use by process {o.Pid} ({o.Command})", lockFile,
                        $"wait for it to finish, or stop it (kill {o.Pid}); two jobs on one output would mix their files");
                if (owner == null && DateTime.UtcNow - File.GetLastWriteTimeUtc(lockFile) < TimeSpan.FromSeconds(5))
                {
                    Thread.Sleep(200); // being written by its owner right now
                    continue;
                }
                notice?.Invoke($"a stale lock of process {owner?.Pid.ToString() ?? "?"} (no longer running) was removed: {lockFile}");
                try { File.Delete(lockFile); } catch (IOException) { }
            }
        }
    }

    /// <summary>True when <paramref name="lockFile"/> exists and its owner still runs.</summary>
    public static bool IsHeld(string lockFile) => ReadOwner(lockFile) is { } o && IsAlive(o.Pid, o.StartTime);

    /// <summary>Releases the lock (deletes the file if it is still ours).</summary>
    public void Dispose()
    {
        if (released) return;
        released = true;
        try
        {
            if (File.Exists(path) && File.ReadLines(path).FirstOrDefault() == token) File.Delete(path);
        }
        catch (IOException) { }
    }

    readonly record struct Owner(int Pid, string StartTime, string Command);

    static Owner? ReadOwner(string lockFile)
    {
        try
        {
            var lines = File.ReadAllLines(lockFile);
            var first = lines.FirstOrDefault()?.Split(' ');
            if (first is not { Length: >= 2 } || !int.TryParse(first[0], out int pid)) return null;
            return new Owner(pid, first[1], lines.Length > 2 ? lines[2] : "?");
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    // Alive, and the same process (a reused pid has another start time).
    static bool IsAlive(int pid, string startTime)
    {
        var now = StartTimeOf(pid);
        return now != "-" && (startTime == "-" || now == startTime);
    }

    // The process's start time: field 22 of /proc/PID/stat on Linux (clock ticks since boot), else from Process;
    // "-" when there is no such process.
    static string StartTimeOf(int pid)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return fields[19]; // fields after "(comm)" start at field 3: starttime (22) is index 19
            }
            using var p = Process.GetProcessById(pid);
            return p.StartTime.ToUniversalTime().Ticks.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return "-";
        }
    }
}
