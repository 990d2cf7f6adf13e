namespace QuickDraw.Experiments.Slurm;

/// <summary>
/// Whether a folder is on a filesystem every node of the cluster sees. The tasks read the published build and the
/// data, and write their run folders, where the submitting machine put them: on a node-local disk the other nodes
/// find nothing. Decided from the mount table (<c>/proc/mounts</c>): network and cluster filesystems pass, a local
/// one passes only when the partition's nodes are all this machine (a single-node cluster).
/// </summary>
public static class SharedFilesystem
{
    /// <summary>Filesystem types that several machines mount (network and parallel filesystems).</summary>
    public static readonly string[] SharedTypes =
        ["nfs", "nfs4", "lustre", "gpfs", "beegfs", "cephfs", "ceph", "fuse.ceph-fuse", "cifs", "smb3", "smbfs", "glusterfs", "fuse.glusterfs",
         "panfs", "wekafs", "fuse.sshfs", "fuse.juicefs", "afs", "orangefs", "pvfs2", "ocfs2", "gfs2", "9p", "virtiofs", "fuse.s3fs", "fuse.gcsfuse"];

    /// <summary>The mount point and filesystem type holding <paramref name="path"/> (the longest mount-point prefix).</summary>
    public static (string MountPoint, string Type) Of(string path, string mounts)
    {
        var full = Path.GetFullPath(path);
        var best = ("/", "unknown");
        foreach (var line in mounts.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ');
            if (f.Length < 3) continue;
            var point = f[1].Replace("\\040", " ");
            bool under = point == "/" || full == point || full.StartsWith(point.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (under && point.Length >= best.Item1.Length) best = (point, f[2]);
        }
        return best;
    }

    /// <summary>A warning for people when <paramref name="folder"/> is on a local filesystem and the partition has
    /// other nodes than <paramref name="thisHost"/>; null when the tasks will find it.</summary>
    public static string? Warning(string folder, IReadOnlyList<string> nodes, string thisHost, string mounts)
    {
        var (point, type) = Of(folder, mounts);
        if (SharedTypes.Contains(type)) return null;
        var short_ = thisHost.Split('.')[0];
        if (nodes.Count > 0 && nodes.All(n => n.Split('.')[0] == short_ || n is "localhost")) return null;
        var where = nodes.Count == 0 ? "the cluster's nodes" : $"the partition's nodes ({string.Join(", ", nodes.Take(5))}{(nodes.Count > 5 ? ", ..." : "")})";
        return $"{folder} is on a local filesystem ({type} at {point}), and {where} are other machines: their tasks will not find the build, " +
               "the data or the run folders. Put the repository on a filesystem every node mounts (NFS, Lustre, GPFS, BeeGFS, ...)";
    }

    /// <summary>The warning above, for this machine's mount table and host name.</summary>
    public static string? Warning(string folder, IReadOnlyList<string> nodes) =>
        File.Exists("/proc/mounts") ? Warning(folder, nodes, Environment.MachineName, File.ReadAllText("/proc/mounts")) : null;
}
