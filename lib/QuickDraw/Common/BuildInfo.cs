using System.Diagnostics;
using System.Reflection;

namespace QuickDraw.Common;

/// <summary>How an assembly was built.</summary>
public static class BuildInfo
{
    /// <summary>True for a Debug build (the JIT optimizer disabled): several times slower on hot loops.</summary>
    public static bool IsDebug(Assembly assembly) =>
        assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is [DebuggableAttribute { IsJITOptimizerDisabled: true }];
}
