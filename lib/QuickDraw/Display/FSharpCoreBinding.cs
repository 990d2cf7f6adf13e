using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace QuickDraw.Display;

/// <summary>
/// Lets Plotly.NET run inside a .NET Interactive kernel. Plotly.NET 6.0.0 is built against FSharp.Core 10.1.0.0; the
/// kernels (dotnet-interactive 1.0.712001, dotnet-repl 0.3.259, the one VS Code starts) ship and load FSharp.Core
/// 10.0.0.0 for their own F# kernel, and a process holds one FSharp.Core. Asked for 10.1, the runtime finds only the
/// loaded 10.0 and fails (FileNotFoundException at the first chart). This hands the loaded FSharp.Core to any request
/// for the same major version. Safe because Plotly.NET, Plotly.NET.CSharp, DynamicObj, Giraffe.ViewEngine and this lib
/// call nothing that FSharp.Core 10.0 lacks: tests/QuickDraw.Tests/Notebooks/FSharpCoreApiTests checks every FSharp.Core
/// type and member they reference against the kernel's own FSharp.Core, and the notebook tests draw every chart type.
/// Outside a kernel (scripts, tests) FSharp.Core 10.1 is this lib's own dependency and the handler never fires.
/// </summary>
static class FSharpCoreBinding
{
    /// <summary>Runs when the lib is first touched (a notebook's first call into QuickDraw), before any chart is drawn.</summary>
#pragma warning disable CA2255 // a library's module initializer, on purpose: it must run before any cell touches Plotly.NET
    [ModuleInitializer]
    internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;
#pragma warning restore CA2255

    static Assembly? Resolve(AssemblyLoadContext context, AssemblyName request)
    {
        if (request.Name != "FSharp.Core" || request.Version is not { } wanted) return null;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name == "FSharp.Core" && a.GetName().Version?.Major == wanted.Major)
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
        if (loaded != null) return loaded;
        // Not loaded yet: the host's own copy (a request without a version binds to whatever the host ships).
        try
        {
            var own = context.LoadFromAssemblyName(new AssemblyName("FSharp.Core"));
            return own.GetName().Version?.Major == wanted.Major ? own : null;
        }
        catch (IOException) { return null; }
    }
}
