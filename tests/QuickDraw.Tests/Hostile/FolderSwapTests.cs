using QuickDraw.Common;

namespace QuickDraw.Tests.Hostile;

public class FolderSwapTests
{
    [Fact]
    public void ReplacingAFolderSwapsItInOneStepOnLinux()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("target"));
        File.WriteAllText(dir.File("target/old"), "old");
        Directory.CreateDirectory(dir.File("new"));
        File.WriteAllText(dir.File("new/fresh"), "new");
        bool atomic = FolderSwap.Replace(dir.File("target"), dir.File("new"));
        Assert.Equal(OperatingSystem.IsLinux(), atomic);
        Assert.Equal("new", File.ReadAllText(dir.File("target/fresh")));
        Assert.Equal("old", File.ReadAllText(dir.File("new/old"))); // the old folder, for the caller to delete
    }
}
