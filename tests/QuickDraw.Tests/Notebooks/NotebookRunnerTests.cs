using QuickDraw.Notebooks;

namespace QuickDraw.Tests.Notebooks;

[Collection("Notebooks")]
public class NotebookRunnerTests
{
    [Fact]
    public void Cells_share_state_and_record_printed_text_and_values()
    {
        using var dir = new TempDir();
        var path = TestNotebooks.Write(dir, "a.ipynb",
            "var x = 2;",
            "md:# a heading",
            "Console.WriteLine($\"x is {x}\");\nx * 21");
        var run = TestNotebooks.Run(path);

        Assert.True(run.Succeeded, run.Failures);
        Assert.Equal([0, 2], run.Cells.Select(c => c.Cell));
        var outputs = run.Cells[1].Outputs;
        Assert.Equal(["stream", "execute_result"], outputs.Select(o => o.Kind));
        Assert.Equal("x is 2\n", outputs[0].Data["text/plain"]);
        Assert.Equal("42", outputs[1].Data["text/plain"]);
        Assert.Equal(2, run.Executed.Cells[2].Outputs.Count);
    }

    [Fact]
    public void A_throwing_cell_fails_the_run_and_stops_it()
    {
        using var dir = new TempDir();
        var path = TestNotebooks.Write(dir, "a.ipynb",
            "var ok = 1;",
            "throw new InvalidOperationException(\"boom\");",
            "var never = 3;");
        var run = TestNotebooks.Run(path);

        Assert.False(run.Succeeded);
        Assert.Equal(2, run.Cells.Count);                               // the third cell never ran
        Assert.Contains("InvalidOperationException: boom", run.Cells[1].Error);
        Assert.Contains("cell 1", run.Failures);
        var error = Assert.Single(run.Executed.Cells[1].Outputs);
        Assert.Equal("error", error!["output_type"]!.GetValue<string>());
    }

    [Fact]
    public void A_compile_error_names_the_line()
    {
        using var dir = new TempDir();
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb", "var a = 1;\nvar b = ;"));
        Assert.False(run.Succeeded);
        Assert.Contains("does not compile", run.Cells[0].Error);
        Assert.Contains("line 2", run.Cells[0].Error);
    }

    [Theory]
    [InlineData("#r \"nuget: TorchSharp-cpu, 0.106.0\"", "pins TorchSharp-cpu at 0.107.0")]
    [InlineData("#r \"nuget: Plotly.NET\"", "has no version")]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "not pinned")]
    public void Nuget_references_must_match_the_repos_pins(string reference, string message)
    {
        using var dir = new TempDir();
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb", reference + "\nvar x = 1;"));
        Assert.False(run.Succeeded);
        Assert.Contains(message, run.Cells[0].Error);
    }

    [Fact]
    public void Pinned_packages_and_the_lib_resolve_offline()
    {
        using var dir = new TempDir();
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb",
            "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n" + TestNotebooks.ReferenceLib + "\nusing QuickDraw.Display;",
            "// expect: chart\ndisplay(Show.Chart(Plotly.NET.CSharp.Chart.Line<int, int, string>(x: [1, 2, 3], y: [3, 1, 2])));"));

        Assert.True(run.Succeeded, run.Failures);
        var chart = Assert.Single(run.Cells[1].Outputs);
        Assert.Contains("Plotly.newPlot", chart.Data["text/html"]);
        Assert.Contains("plotly.js v", chart.Data["text/html"]);        // the library itself is inside: no CDN
        Assert.DoesNotContain("<script src=", chart.Data["text/html"]);
        Assert.Equal("[chart: 3 points]", chart.Data["text/plain"]);
    }

    [Fact]
    public void A_missing_dll_says_how_to_build_it()
    {
        using var dir = new TempDir();
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb", "#r \"../nowhere/QuickDraw.dll\""));
        Assert.Contains("no such file", run.Cells[0].Error);
        Assert.Contains("scripts/setup.sh", run.Cells[0].Error);
    }

    [Fact]
    public void Unmet_expectations_and_empty_pictures_are_reported()
    {
        using var dir = new TempDir();
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb",
            TestNotebooks.ReferenceLib + "\nusing QuickDraw.Display;",
            "// expect: chart\ndisplay(\"only words\");",
            "display(Show.Pictures([]));",
            "// expect: picture\ndisplay(Show.Pictures([\"<svg></svg>\"]));"));

        Assert.False(run.Succeeded);
        Assert.Equal(4, run.Cells.Count);                               // broken promises do not stop the run
        Assert.Contains("expect: chart", Assert.Single(run.Cells[1].Problems));
        Assert.Contains("shows nothing", Assert.Single(run.Cells[2].Problems));
        Assert.True(run.Cells[3].Succeeded);
    }

    [Fact]
    public void Display_renders_html_by_the_kernels_convention_and_updates_in_place()
    {
        using var dir = new TempDir();
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb",
            TestNotebooks.ReferenceLib + "\nusing QuickDraw.Display;",
            "var view = display(Show.Html(\"<b>first</b>\"));\nview.Update(Show.Html(\"<b>second</b>\"));"));

        Assert.True(run.Succeeded, run.Failures);
        var shown = Assert.Single(run.Cells[1].Outputs);
        Assert.Equal("<b>second</b>", shown.Data["text/html"]);
        Assert.Equal("second", shown.Data["text/plain"]);
    }

    [Fact]
    public void Displaying_a_raw_plotly_chart_points_to_Show_Chart()
    {
        using var dir = new TempDir();
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb",
            "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"",
            "display(Plotly.NET.CSharp.Chart.Line<int, int, string>(x: [1, 2], y: [1, 2]));"));
        Assert.Contains("Show.Chart", run.Cells[1].Error);
    }

    [Fact]
    public void Csharp_magics_are_ignored_and_other_kernels_refused()
    {
        using var dir = new TempDir();
        Assert.True(TestNotebooks.Run(TestNotebooks.Write(dir, "a.ipynb", "#!csharp\n#!time\nvar x = 1;")).Succeeded);
        var run = TestNotebooks.Run(TestNotebooks.Write(dir, "b.ipynb", "#!fsharp\nlet x = 1"));
        Assert.Contains("C# only", run.Cells[0].Error);
    }

    [Fact]
    public void Parameters_override_the_parameters_cell()
    {
        using var dir = new TempDir();
        var path = TestNotebooks.Write(dir, "a.ipynb",
            "int steps = 100;      // optimizer steps\nstring name = \"a\";\nint[] sizes = [1, 2];",
            "$\"{steps} {name} {sizes.Sum()}\"");
        var run = TestNotebooks.Run(path, "steps=5", "name=b c", "sizes=[4, 5]");

        Assert.True(run.Succeeded, run.Failures);
        Assert.Equal("5 b c 9", run.Cells[1].Outputs.Single().Data["text/plain"]);
        Assert.Contains("int steps = 5;      // optimizer steps", run.Executed.Cells[0].Source);
        Assert.Throws<ArgumentException>(() => TestNotebooks.Run(path, "stpes=5"));
    }

    [Fact]
    public void The_command_writes_an_executed_copy_and_fails_with_the_notebook()
    {
        using var dir = new TempDir();
        var good = TestNotebooks.Write(dir, "good.ipynb", "int n = 1;", "Console.WriteLine(n * 2);");
        var bad = TestNotebooks.Write(dir, "bad.ipynb", "throw new Exception(\"no\");");
        File.Copy(TestNotebooks.PackagesProps, dir.File("Directory.Packages.props"));
        var output = new StringWriter();

        Assert.Equal(0, NotebookCommand.Run([good, "--param", "n=21"], output, TextWriter.Null));
        var copy = NotebookFile.Load(dir.File("good.executed.ipynb"));
        Assert.Equal("42\n", copy.Cells[1].Outputs[0]!["text"]![0]!.GetValue<string>());

        Assert.Equal(1, NotebookCommand.Run([bad, "--no-save"], output, TextWriter.Null));
        Assert.False(File.Exists(dir.File("bad.executed.ipynb")));
        Assert.Equal(2, NotebookCommand.Run(["--bogus"], output, TextWriter.Null));
    }
}
