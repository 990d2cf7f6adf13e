namespace QuickDraw.Records;

/// <summary>The tutorial's file names: <c>training.tfrecord-00003-of-00010</c>, <c>eval.tfrecord-...</c>,
/// and the class list <c>training.tfrecord.classes</c> (one name per line, line i = class index i).</summary>
public static class ShardLayout
{
    public const string TrainPrefix = "training.tfrecord";
    public const string EvalPrefix = "eval.tfrecord";
    public const string ClassesFile = "training.tfrecord.classes";

    public static string ShardName(string prefix, int index, int count) => $"{prefix}-{index:D5}-of-{count:D5}";

    /// <summary>The shard files of one split in a folder, sorted (e.g. prefix = "training.tfrecord").</summary>
    public static string[] Shards(string folder, string prefix)
    {
        var files = Directory.GetFiles(folder, prefix + "-*-of-*").Where(f => !f.EndsWith(".tmp")).ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>Class names, in class-index order.</summary>
    public static string[] ReadClasses(string folder)
    {
        var path = Path.Combine(folder, ClassesFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"no {ClassesFile} in {folder}: convert data first (dotnet run scripts/convert.cs -- --help)", path);
        return File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
    }
}
