using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Notebooks;

/// <summary>
/// Display.FSharpCoreBinding hands the kernel's FSharp.Core 10.0 to Plotly.NET, which was built against 10.1. That is
/// only safe while nothing the notebooks load calls an FSharp.Core API that 10.0 lacks: this reads every assembly of
/// the test's output folder that references FSharp.Core (Plotly.NET, Plotly.NET.CSharp, DynamicObj, Giraffe.ViewEngine,
/// QuickDraw) and finds each FSharp.Core type and member it references (name and parameter count) in the kernels' own
/// FSharp.Core. A Plotly.NET upgrade that starts using a newer API fails here, not in a reader's notebook.
/// </summary>
public class FSharpCoreApiTests(ITestOutputHelper output)
{
    [Fact]
    public void Everything_that_calls_FSharp_Core_finds_its_API_in_the_kernels_FSharp_Core()
    {
        var kernels = KernelTools.FSharpCores();
        Assert.True(kernels.Count > 0, "no kernel FSharp.Core found: run bash scripts/setup.sh (dotnet tool restore)");
        var callers = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(ReferencesFSharpCore).ToList();
        Assert.Contains(callers, c => Path.GetFileName(c) == "Plotly.NET.dll");
        foreach (var kernel in kernels)
        {
            var api = Api.Of(kernel);
            foreach (var caller in callers)
            {
                var (checkedCount, missing) = api.Check(caller);
                output.WriteLine($"{Path.GetFileName(caller)} against {kernel}: {checkedCount} FSharp.Core references, {missing.Count} missing");
                Assert.True(missing.Count == 0, $"{Path.GetFileName(caller)} uses FSharp.Core API that {kernel} lacks:\n" + string.Join("\n", missing));
            }
        }
    }

    static bool ReferencesFSharpCore(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata) return false;
            var md = pe.GetMetadataReader();
            return md.AssemblyReferences.Any(h => md.GetString(md.GetAssemblyReference(h).Name) == "FSharp.Core");
        }
        catch (BadImageFormatException) { return false; }
    }

    /// <summary>Types (full name, nested as Outer/Inner) and their members' (name, parameter count) of one FSharp.Core.</summary>
    sealed class Api
    {
        readonly Dictionary<string, HashSet<(string, int)>> types = [];

        public static Api Of(string fsharpCore)
        {
            var api = new Api();
            using var pe = new PEReader(File.OpenRead(fsharpCore));
            var md = pe.GetMetadataReader();
            foreach (var h in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(h);
                var members = api.types[DefinitionName(md, type)] = [];
                foreach (var m in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(m);
                    members.Add((md.GetString(method.Name), method.DecodeSignature(Names.Instance, null).ParameterTypes.Length));
                }
                foreach (var f in type.GetFields()) members.Add((md.GetString(md.GetFieldDefinition(f).Name), -1));
            }
            return api;
        }

        public (int Checked, List<string> Missing) Check(string caller)
        {
            using var pe = new PEReader(File.OpenRead(caller));
            var md = pe.GetMetadataReader();
            var missing = new List<string>();
            int count = 0;
            foreach (var h in md.TypeReferences)
            {
                if (Names.FromFSharpCore(md, h) is not { } name) continue;
                count++;
                if (!types.ContainsKey(name)) missing.Add($"type {name}");
            }
            foreach (var h in md.MemberReferences)
            {
                var member = md.GetMemberReference(h);
                var parent = member.Parent.Kind switch
                {
                    HandleKind.TypeReference => Names.FromFSharpCore(md, (TypeReferenceHandle)member.Parent),
                    HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(Names.Instance, null),
                    _ => null,
                };
                if (parent == null || !parent.StartsWith(Names.Marker)) continue;
                parent = parent[Names.Marker.Length..];
                count++;
                var name = md.GetString(member.Name);
                int arity = member.GetKind() == MemberReferenceKind.Method ? member.DecodeMethodSignature(Names.Instance, null).ParameterTypes.Length : -1;
                if (!types.TryGetValue(parent, out var members) || !members.Contains((name, arity)))
                    missing.Add($"{parent}::{name} ({(arity < 0 ? "field" : arity + " parameters")})");
            }
            return (count, missing);
        }

        static string DefinitionName(MetadataReader md, TypeDefinition type)
        {
            var name = md.GetString(type.Name);
            var outer = type.GetDeclaringType();
            return outer.IsNil ? Join(md.GetString(type.Namespace), name) : DefinitionName(md, md.GetTypeDefinition(outer)) + "/" + name;
        }

        internal static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Signature types as names; a type from FSharp.Core is prefixed with <see cref="Marker"/>.</summary>
    sealed class Names : ISignatureTypeProvider<string, object?>
    {
        public const string Marker = "FSharp.Core:";
        public static readonly Names Instance = new();

        public static string? FromFSharpCore(MetadataReader md, TypeReferenceHandle h)
        {
            var type = md.GetTypeReference(h);
            var name = md.GetString(type.Name);
            switch (type.ResolutionScope.Kind)
            {
                case HandleKind.AssemblyReference:
                    var asm = md.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope);
                    return md.GetString(asm.Name) == "FSharp.Core" ? Api.Join(md.GetString(type.Namespace), name) : null;
                case HandleKind.TypeReference:
                    return FromFSharpCore(md, (TypeReferenceHandle)type.ResolutionScope) is { } outer ? outer + "/" + name : null;
                default: return null;
            }
        }

        public string GetTypeFromReference(MetadataReader md, TypeReferenceHandle h, byte rawTypeKind) =>
            FromFSharpCore(md, h) is { } name ? Marker + name : md.GetString(md.GetTypeReference(h).Name);
        public string GetTypeFromDefinition(MetadataReader md, TypeDefinitionHandle h, byte rawTypeKind) => md.GetString(md.GetTypeDefinition(h).Name);
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[*]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericMethodParameter(object? context, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? context, int index) => "!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetTypeFromSpecification(MetadataReader md, object? context, TypeSpecificationHandle h, byte rawTypeKind) =>
            md.GetTypeSpecification(h).DecodeSignature(this, context);
    }
}
