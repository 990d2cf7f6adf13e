namespace QuickDraw.Shards;

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

    /// <summary>Class names, in class-index order. Trailing blank lines are ignored; a blank line between names, a
    /// name that is not a valid class name (<see cref="ClassName"/>) or a repeated name is an
    /// <see cref="Common.ActionableException"/> naming the file and line: it would shift or merge class indices.</summary>
    public static string[] ReadClasses(string folder)
    {
        var path = Path.Combine(folder, ClassesFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"no {ClassesFile} in {folder}: convert data first (dotnet run scripts/convert.cs -- --help)", path);
        var lines = File.ReadAllLines(path).ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        const string fix = "convert the data again (dotnet run scripts/convert.cs -- --help), or fix the file: line i names class index i - 1";
        if (lines.Count == 0) throw new Common.ActionableException("the classes file lists no class", path, fix);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            ClassName.Check(lines[i], $"{path}:{i + 1}", fix);
            if (!seen.TryAdd(lines[i], i + 1)) throw new Common.ActionableException($"class '{lines[i]}' is listed twice (lines {seen[lines[i]]} and {i + 1})", path, fix);
        }
        return [.. lines];
    }
}
