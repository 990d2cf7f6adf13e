using System.IO.Compression;
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Shards;
using QuickDraw.TfRecord;

namespace QuickDraw.Tests.Hostile;

/// <summary>Hand-made class files a hostile user could feed the converter: every case ends in a counted, located
/// skip, a one-line error naming the file, or the correct output, never in silently wrong shards.</summary>
public class HostileInputTests
{
    const string Good = """{"word":"cat","recognized":true,"drawing":[[[0,10,20],[0,5,0]],[[3,4],[7,9]]]}""";

    static string Line(string coordinate) => $$"""{"word":"cat","drawing":[[[0,{{coordinate}},20],[0,5,0]]]}""";

    static ConvertSummary Convert(string input, string output, int train = 10, int eval = 0, int shards = 1, ReadOptions? read = null) =>
        ShardConverter.Convert(input, output, new ConvertOptions(TrainPerClass: train, EvalPerClass: eval, Shards: shards, Read: read));

    static List<InkRecord> Records(string folder) =>
        ShardLayout.Shards(folder, ShardLayout.TrainPrefix).Concat(ShardLayout.Shards(folder, ShardLayout.EvalPrefix))
            .SelectMany(f => { using var r = TfRecordReader.Open(f); var list = new List<InkRecord>(); while (r.TryRead(out var b)) list.Add(InkExample.Decode(b.Span)); return list; })
            .ToList();

    [Fact]
    public void AClassFileNameWithANewlineStopsTheConversionNamingTheFileBeforeAnythingIsWritten()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        File.WriteAllText(Path.Combine(input, "ant.ndjson"), Good + "\n");
        var bad = Path.Combine(input, "cat\nsneaky.ndjson");
        File.WriteAllText(bad, Good + "\n");
        var e = Assert.Throws<ActionableException>(() => Convert(input, dir.File("out")));
        Assert.Equal($"{bad.Replace("\n", "\\n")}: the class name holds a control character (U+000A) in \"cat\\nsneaky\"; rename the file: its name without the extension is the class name", e.Message);
        Assert.False(Directory.Exists(dir.File("out")), "nothing may be written before the check");
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path).Where(p => p != input));
    }

    [Fact]
    public void ClassNamesMustBeNonEmptyWithoutControlCharactersOrPathSeparators()
    {
        Assert.Null(ClassName.Problem("The Eiffel Tower"));
        Assert.Equal("the class name is empty", ClassName.Problem(""));
        Assert.Equal("the class name is only spaces", ClassName.Problem("  "));
        Assert.Equal("the class name holds a path separator ('\\') in \"a\\b\"", ClassName.Problem("a\\b"));
        Assert.Equal("the class name holds a path separator ('/') in \"a/b\"", ClassName.Problem("a/b"));
        Assert.Equal("the class name holds a control character (U+0009) in \"a\\tb\"", ClassName.Problem("a\tb"));
        Assert.Equal("the class name holds a control character (U+2028) in \"a\\u2028b\"", ClassName.Problem("a\u2028b"));
        Assert.Equal("the class name is '..'", ClassName.Problem(".."));
    }

    [Fact]
    public void AClassesFileWithABlankLineBetweenNamesOrARepeatedNameIsAnErrorNamingTheLine()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(ShardLayout.ClassesFile), "ant\ncat\n\n");
        Assert.Equal(["ant", "cat"], ShardLayout.ReadClasses(dir.Path)); // trailing blank lines are fine
        File.WriteAllText(dir.File(ShardLayout.ClassesFile), "ant\n\ncat\n");
        var blank = Assert.Throws<ActionableException>(() => ShardLayout.ReadClasses(dir.Path));
        Assert.StartsWith($"{dir.File(ShardLayout.ClassesFile)}:2: the class name is empty; convert the data again", blank.Message);
        File.WriteAllText(dir.File(ShardLayout.ClassesFile), "ant\ncat\nant\n");
        var twice = Assert.Throws<ActionableException>(() => ShardLayout.ReadClasses(dir.Path));
        Assert.StartsWith($"{dir.File(ShardLayout.ClassesFile)}: class 'ant' is listed twice (lines 1 and 3)", twice.Message);
    }

    [Fact]
    public void ACoordinateBeyondFloat32IsSkippedAndCountedNotWrittenAsNaNInk()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        // Line 2 overflows float32 (1e39 → +inf); line 3 is finite alone but its width overflows (3e38 - -3e38).
        File.WriteAllLines(Path.Combine(input, "cat.ndjson"), [Good, Line("1e39"), Line("-3e38").Replace("20]", "3e38]"), Line("1.5e1"), Good]);
        var skips = new SkipLog();
        Assert.Equal(4, DrawingReader.Read(Path.Combine(input, "cat.ndjson"), skips: skips).Count());
        var one = Assert.Single(skips.Examples);
        Assert.Equal("cat.ndjson:2: non-finite coordinate (stroke 0 has the coordinate 1e39, beyond float32's range)", one.ToString());

        var summary = Convert(input, dir.File("out"));
        Assert.Equal(3, summary.TrainRecords);
        Assert.Equal(new Dictionary<SkipReason, long> { [SkipReason.NonFiniteCoordinate] = 2 }, summary.Skips.Counts);
        Assert.Equal(["cat.ndjson:2: non-finite coordinate (stroke 0 has the coordinate 1e39, beyond float32's range)",
                      "cat.ndjson:3: non-finite coordinate (the drawing's extent overflows float32)"], summary.Skips.Examples.Select(s => s.ToString()));
        Assert.All(Records(dir.File("out")), r => Assert.All(r.Ink, v => Assert.True(float.IsFinite(v))));
    }

    [Fact]
    public void DrawingsOverThePointCapAreSkippedAndCounted()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        string Long(int points) => $$"""{"word":"cat","drawing":[[[{{string.Join(',', Enumerable.Range(0, points).Select(i => i % 256))}}],[{{string.Join(',', Enumerable.Range(0, points).Select(i => i / 256))}}]]]}""";
        File.WriteAllLines(Path.Combine(input, "cat.ndjson"), [Long(ReadOptions.DefaultMaxPoints), Long(ReadOptions.DefaultMaxPoints + 1), Good]);
        var summary = Convert(input, dir.File("out"));
        Assert.Equal(2, summary.TrainRecords);
        var skip = Assert.Single(summary.Skips.Examples);
        Assert.Equal(SkipReason.TooManyPoints, skip.Reason);
        Assert.Equal("cat.ndjson:2: too many points (10,001 points, over the cap of 10,000)", skip.ToString());
        Assert.Equal(ReadOptions.DefaultMaxPoints - 1, Records(dir.File("out")).Max(r => r.Points));

        var capped = Convert(input, dir.File("out5"), read: new ReadOptions(MaxPoints: 5));
        Assert.Equal(1, capped.TrainRecords);
        Assert.Equal(2, capped.Skips[SkipReason.TooManyPoints]);
    }

    [Fact]
    public void AByteOrderMarkCostsNoDrawingAndBlankLinesAreNotInvalidJson()
    {
        using var dir = new TempDir();
        var path = dir.File("cat.ndjson");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes($"{Good}\n\n   \r\n{Good}\n\n{{bad\n")]);
        var skips = new SkipLog();
        Assert.Equal(2, DrawingReader.Read(path, skips: skips).Count());
        var bad = Assert.Single(skips.Examples); // the blank lines are passed over; line numbers still count them
        Assert.Equal(SkipReason.InvalidJson, bad.Reason);
        Assert.Equal(6, bad.Line);
    }

    [Fact]
    public void UpperCaseAndGzipClassFilesAreConvertedAndOtherFilesAreListedAsIgnored()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        File.WriteAllText(Path.Combine(input, "ant.NDJSON"), $"{Good}\n{Good}\n");
        using (var gz = new GZipStream(File.Create(Path.Combine(input, "bee.ndjson.gz")), CompressionLevel.Fastest))
            gz.Write(System.Text.Encoding.UTF8.GetBytes($"{Good}\n{Good}\n{Good}\n"));
        File.WriteAllText(Path.Combine(input, "notes.txt"), "not drawings");
        var summary = Convert(input, dir.File("out"));
        Assert.Equal(["ant", "bee"], summary.Classes);
        Assert.Equal(new long[] { 2, 3 }, summary.TrainPerClass);
        Assert.Equal(["ant", "bee"], ShardLayout.ReadClasses(dir.File("out")));
        Assert.Equal(["notes.txt"], ShardConverter.IgnoredFiles(input));

        File.WriteAllText(Path.Combine(input, "ant.ndjson"), Good + "\n"); // a second file of one class
        var dup = Assert.Throws<InvalidOperationException>(() => ShardConverter.ClassFiles(input));
        Assert.Equal($"class 'ant' has 2 files in {input} (ant.NDJSON, ant.ndjson): keep one", dup.Message);
    }

    [Fact]
    public void ACorruptGzipFileIsAnErrorNamingIt()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        var path = Path.Combine(input, "cat.ndjson.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        var e = Assert.Throws<ActionableException>(() => Convert(input, dir.File("out")));
        Assert.StartsWith($"{path}: not a valid gzip file (", e.Message);
        Assert.EndsWith("; download it again, or decompress it (gunzip) to see what is wrong", e.Message);
        Assert.False(Directory.Exists(dir.File("out")), "a failed conversion leaves no output folder");
    }
}
