using TorchSharp;

namespace QuickDraw.Training;

/// <summary>Turns "auto" / "cpu" / "cuda[:N]" into a torch device, with a clear error when CUDA is asked for
/// but this build or machine has none.</summary>
public static class DeviceChoice
{
    /// <summary>Whether <paramref name="name"/> names a device at all (auto, cpu, cuda, cuda:N), available or not.</summary>
    public static bool IsName(string name) => System.Text.RegularExpressions.Regex.IsMatch(name.Trim().ToLowerInvariant(), @"^(auto|cpu|cuda(:\d+)?)$");

    public static torch.Device Resolve(string name)
    {
        name = name.Trim().ToLowerInvariant();
        if (name == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (name == "cpu") return torch.CPU;
        if (name.StartsWith("cuda"))
        {
            if (!torch.cuda.is_available())
                throw new Common.ActionableException($"CUDA was requested ('{name}') but is not available", "--device",
                    "build with -p:TorchBackend=cuda (needs nuget.org) on a machine with an NVIDIA driver, or use --device cpu");
            return new torch.Device(name);
        }
        throw new Common.ActionableException($"unknown device '{name}'", "--device", "use auto, cpu, cuda or cuda:N", exitCode: 2);
    }
}
