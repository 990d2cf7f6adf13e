using TorchSharp;

namespace QuickDraw.Training;

/// <summary>Turns "auto" / "cpu" / "cuda[:N]" into a torch device, with a clear error when CUDA is asked for
/// but this build or machine has none.</summary>
public static class DeviceChoice
{
    public static torch.Device Resolve(string name)
    {
        name = name.Trim().ToLowerInvariant();
        if (name == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (name == "cpu") return torch.CPU;
        if (name.StartsWith("cuda"))
        {
            if (!torch.cuda.is_available())
                throw new InvalidOperationException("CUDA was requested but is not available: build with -p:TorchBackend=cuda (needs nuget.org) on a machine with an NVIDIA driver, or use --device cpu");
            return new torch.Device(name);
        }
        throw new ArgumentException($"unknown device '{name}': use auto, cpu, cuda or cuda:N");
    }
}
