using QuickDraw.Notebooks;

namespace QuickDraw.Tests.Notebooks;

public class NotebookPartsTests
{
    [Fact]
    public void Cell_code_splits_off_references_and_magics_but_keeps_line_numbers()
    {
        var code = CellCode.Parse("#!csharp\n#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"../lib/x.dll\"\n#i \"nuget: https://feed\"\n// expect: chart\nvar x = 1;");
        Assert.Equal([("Plotly.NET", (string?)"6.0.0")], code.Packages);
        Assert.Equal(["../lib/x.dll"], code.Assemblies);
        Assert.Equal([Expectation.Chart], code.Expectations);
        Assert.Equal("var x = 1;", code.Code.Split('\n')[5]);
        Assert.Throws<CellDirectiveException>(() => CellCode.Parse("// expect: movie"));
        Assert.Throws<CellDirectiveException>(() => CellCode.Parse("#r nuget: Plotly.NET"));
    }

    [Fact]
    public void Parameters_are_read_and_replaced_in_place()
    {
        const string cell = "string data = \"\";   // where\nvar steps = 10;\nbool fetch = false;";
        Assert.Equal(new Dictionary<string, string> { ["data"] = "\"\"", ["steps"] = "10", ["fetch"] = "false" }, NotebookParameters.Read(cell));

        var applied = NotebookParameters.Apply(cell, new Dictionary<string, string> { ["data"] = "say \"hi\"", ["fetch"] = "true" });
        Assert.Equal("string data = \"say \\\"hi\\\"\";   // where\nvar steps = 10;\nbool fetch = true;", applied);
        Assert.Throws<ArgumentException>(() => NotebookParameters.Apply(cell, new Dictionary<string, string> { ["steps"] = "1 +" }));
        Assert.Throws<ArgumentException>(() => NotebookParameters.ParsePair("steps"));
    }

    [Theory]
    [InlineData(new[] { "net462", "netstandard2.0", "net8.0" }, "net8.0")]
    [InlineData(new[] { "netstandard2.1", "netstandard2.0" }, "netstandard2.1")]
    [InlineData(new[] { ".NETStandard2.0", ".NETFramework4.6.1" }, ".NETStandard2.0")]
    [InlineData(new[] { "net99.0", "netcoreapp3.1" }, "netcoreapp3.1")]
    public void The_best_framework_is_the_newest_this_runtime_loads(string[] names, string best) =>
        Assert.Equal(best, PackageAssemblies.BestFramework(names));

    [Fact]
    public void A_notebook_round_trips_with_its_metadata()
    {
        const string json = """{"cells":[{"cell_type":"code","metadata":{"polyglot_notebook":{"kernelName":"csharp"},"custom":1},"source":["a\n","b"],"outputs":[],"execution_count":null}],"metadata":{"kernelspec":{"name":".net-csharp"},"x":{"y":[1,2]}},"nbformat":4,"nbformat_minor":5}""";
        var notebook = NotebookFile.Parse(json, "t.ipynb");
        Assert.Equal("a\nb", notebook.Cells[0].Source);
        notebook.Cells[0].Source = "c\nd\n";
        var again = NotebookFile.Parse(notebook.ToJson(), "t.ipynb");
        Assert.Equal("c\nd\n", again.Cells[0].Source);
        Assert.Contains("\"x\": {", again.ToJson());
        Assert.Contains("\"custom\": 1", again.ToJson());
        Assert.Equal(".net-csharp", again.KernelSpec);
    }
}
