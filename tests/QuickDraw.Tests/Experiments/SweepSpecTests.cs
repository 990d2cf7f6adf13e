using QuickDraw.Common;
using QuickDraw.Experiments;

namespace QuickDraw.Tests.Experiments;

public class SweepSpecTests
{
    const string Data = "\"data\": \"data/shards/x\", \"budget\": { \"steps\": 100 }";

    static SweepSpecException Bad(string json) =>
        Assert.Throws<SweepSpecException>(() => SweepSpec.Parse(json, "experiments/sweeps/x.json"));

    [Fact]
    public void AGridExpandsToEveryCombinationNamedByItsValues()
    {
        var spec = SweepSpec.Parse($$"""
            { {{Data}}, "base": { "conv_len": [5, 3], "learning_rate": 0.002, "eval_every_steps": 50 },
              "grid": { "num_conv": [[32, 48], [16, 16]], "num_layers": [2], "num_nodes": [64, 128] } }
            """, "x.json", "x");
        var runs = Sweep.Expand(spec);

        Assert.Equal(["conv32-48_k5-3_lstm2x64", "conv32-48_k5-3_lstm2x128", "conv16-16_k5-3_lstm2x64", "conv16-16_k5-3_lstm2x128"], runs.Select(r => r.Name));
        Assert.All(runs, r => Assert.Equal(0.002, r.Train.LearningRate));
        Assert.All(runs, r => Assert.Equal(50, r.Train.EvalEverySteps));
        Assert.All(runs, r => Assert.Equal(100, r.Train.Steps));
        Assert.Equal([16, 16], runs[3].Model.NumConv);
        Assert.Equal(128, runs[3].Model.NumNodes);
        Assert.Equal(3, runs[0].Varied.Count);
    }

    [Fact]
    public void RunsCombineWithTheGridAndVariedTrainingSettingsJoinTheName()
    {
        var spec = SweepSpec.Parse($$"""
            { "data": "data/shards/x", "budget": { "minutes": 2.5 },
              "runs": [ { "num_conv": [8], "conv_len": [3] }, { "num_conv": [8, 8], "conv_len": [5, 3], "batch_norm": true } ],
              "grid": { "learning_rate": [0.001, 0.01] } }
            """, "x.json", "x");
        var runs = Sweep.Expand(spec);

        Assert.Equal(["conv8_k3_lstm3x128_lr0.001", "conv8_k3_lstm3x128_lr0.01", "conv8-8_k5-3_lstm3x128_bn_lr0.001", "conv8-8_k5-3_lstm3x128_bn_lr0.01"], runs.Select(r => r.Name));
        Assert.All(runs, r => Assert.Equal(150, r.Train.MaxSeconds));
        Assert.All(runs, r => Assert.Equal(Sweep.UnboundedSteps, r.Train.Steps));
        Assert.True(runs[2].Model.BatchNorm);
    }

    [Fact]
    public void AnUnknownKeyNamesTheFileThePlaceAndTheKnownKeys()
    {
        var e = Bad($$"""{ {{Data}}, "grid": { "num_nodez": [64] } }""");
        Assert.StartsWith("experiments/sweeps/x.json: unknown key 'num_nodez' in grid (known: num_conv, conv_len, num_layers, num_nodes,", e.Message);

        Assert.Contains("unknown key 'step' in budget (known: steps, minutes)", Bad("""{ "data": "d", "budget": { "step": 1 }, "grid": { "num_nodes": [8] } }""").Message);
        Assert.Contains("unknown key 'gird' in the spec", Bad($$"""{ {{Data}}, "gird": { "num_nodes": [8] } }""").Message);
        Assert.Contains("'eval_every_steps' cannot be varied: set it in base", Bad($$"""{ {{Data}}, "grid": { "eval_every_steps": [8] } }""").Message);
    }

    [Fact]
    public void AWrongTypeSaysWhatWasExpected()
    {
        Assert.Contains("grid.num_nodes[1] must be an integer, not \"64\"", Bad($$"""{ {{Data}}, "grid": { "num_nodes": [32, "64"] } }""").Message);
        Assert.Contains("grid.num_conv[0] must be a list of integers", Bad($$"""{ {{Data}}, "grid": { "num_conv": [48] } }""").Message);
        Assert.Contains("grid.num_layers must be a list of values to try", Bad($$"""{ {{Data}}, "grid": { "num_layers": 2 } }""").Message);
        Assert.Contains("base.batch_norm must be true or false, not 1", Bad($$"""{ {{Data}}, "base": { "batch_norm": 1 }, "grid": { "num_layers": [2] } }""").Message);
        Assert.Contains("not valid JSON", Bad("{ \"data\": ").Message);
    }

    [Fact]
    public void AnEmptyGridOrAMissingPartIsAnError()
    {
        Assert.Contains("the grid is empty", Bad($$"""{ {{Data}}, "grid": {} }""").Message);
        Assert.Contains("the grid is empty", Bad($$"""{ {{Data}} }""").Message);
        Assert.Contains("grid.num_nodes is empty", Bad($$"""{ {{Data}}, "grid": { "num_nodes": [] } }""").Message);
        Assert.Contains("runs is empty", Bad($$"""{ {{Data}}, "runs": [] }""").Message);
        Assert.Contains("'budget' is missing", Bad("""{ "data": "d", "grid": { "num_nodes": [8] } }""").Message);
        Assert.Contains("'data' is missing", Bad("""{ "budget": { "steps": 1 }, "grid": { "num_nodes": [8] } }""").Message);
    }

    [Fact]
    public void SettingsThatCannotBuildAModelOrRepeatARunAreErrors()
    {
        var e = Bad($$"""{ {{Data}}, "base": { "conv_len": [3] }, "grid": { "num_conv": [[8], [8, 8]] } }""");
        Assert.Contains("run conv8-8_k3_lstm3x128: --num-conv has 2 entries but --conv-len has 1", e.Message);
        Assert.Contains("two runs have the same settings (conv8_k3_lstm3x128)", Bad($$"""{ {{Data}}, "base": { "conv_len": [3] }, "grid": { "num_conv": [[8], [8]] } }""").Message);
        Assert.Contains("'num_nodes' is in both the grid and runs[0]", Bad($$"""{ {{Data}}, "runs": [ { "num_nodes": 8 } ], "grid": { "num_nodes": [8] } }""").Message);
        Assert.Contains("data.synthetic.style must be \"easy\" or \"hard\"", Bad("""{ "data": { "synthetic": { "style": "medium" } }, "budget": { "steps": 1 }, "grid": { "num_nodes": [8] } }""").Message);
    }

    [Fact]
    public void EveryShippedSpecParses()
    {
        var specs = Directory.GetFiles(Path.Combine(RepoPaths.Experiments, "sweeps"), "*.json");
        Assert.NotEmpty(specs);
        foreach (var file in specs)
        {
            var spec = SweepSpec.Load(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), spec.Name);
            Assert.NotEmpty(Sweep.Expand(spec));
        }
    }
}
