using System.Diagnostics;
using System.Text.Json;
using QuickDraw.Common;

namespace QuickDraw.Tests.Build;

/// <summary>The CUDA build switch cannot restore on this project's mirror, so it is checked by MSBuild evaluation:
/// which packages the lib would reference for each backend and OS.</summary>
public class BackendSwitchTests
{
    static string[] PackagesFor(params string[] properties)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var a in new[] { "msbuild", "lib/QuickDraw/QuickDraw.csproj", "-getItem:PackageReference", "-nologo" }.Concat(properties.Select(p => "-p:" + p)))
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output + p.StandardError.ReadToEnd());
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty("Items").GetProperty("PackageReference").EnumerateArray()
            .Select(i => i.GetProperty("Identity").GetString()!).ToArray();
    }

    [Fact]
    public void DefaultBuildUsesTheCpuPackageOnly()
    {
        var packages = PackagesFor();
        Assert.Contains("TorchSharp-cpu", packages);
        Assert.DoesNotContain(packages, p => p.Contains("cuda"));
    }

    [Fact]
    public void CudaSwitchReplacesTheCpuPackage()
    {
        var packages = PackagesFor("TorchBackend=cuda");
        Assert.Contains(OperatingSystem.IsWindows() ? "TorchSharp-cuda-windows" : "TorchSharp-cuda-linux", packages);
        Assert.DoesNotContain("TorchSharp-cpu", packages);
    }

    [Fact]
    public void CudaPackagesArePinnedToTheSameTorchSharpVersion()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        Assert.Contains("<PackageVersion Include=\"TorchSharp-cuda-linux\" Version=\"$(TorchSharpVersion)\" />", props);
        Assert.Contains("<PackageVersion Include=\"TorchSharp-cpu\" Version=\"$(TorchSharpVersion)\" />", props);
    }
}
