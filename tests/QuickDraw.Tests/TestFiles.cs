namespace QuickDraw.Tests;

/// <summary>A temporary folder per test, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("qd-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public string Write(string name, string text) { var p = File(name); System.IO.File.WriteAllText(p, text); return p; }
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}

/// <summary>The shared real Quick, Draw! sample (../shared/quickdraw), when this machine has it.</summary>
public static class RealSample
{
    public static string? Folder => QuickDraw.Common.RepoPaths.SharedQuickDraw;
    public const string SkipReason = "the real Quick, Draw! sample (../shared/quickdraw) is not on this machine";
}

/// <summary>A [Fact] that is skipped when the real sample is absent.</summary>
public sealed class RealSampleFactAttribute : FactAttribute
{
    public RealSampleFactAttribute()
    {
        if (RealSample.Folder == null) Skip = RealSample.SkipReason;
    }
}
