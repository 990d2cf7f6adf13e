using QuickDraw.Model;
using TorchSharp.Modules;

namespace QuickDraw.Training;

/// <summary>
/// checkpoint.bin: a small header (step, seconds, examples) followed by the model's weights and
/// the optimizer's state, in TorchSharp's binary format. Written to a temporary file and renamed.
/// </summary>
public static class Checkpoint
{
    const string Magic = "QDCKPT1";

    public sealed record Position(long Step, double Seconds, long Examples);

    public static void Save(string path, RnnClassifier model, OptimizerHelper optimizer, Position position)
    {
        var tmp = path + ".tmp";
        using (var fs = File.Create(tmp))
        using (var w = new BinaryWriter(fs))
        {
            w.Write(Magic);
            w.Write(position.Step); w.Write(position.Seconds); w.Write(position.Examples);
            model.save(w);
            optimizer.save_state_dict(w);
        }
        File.Move(tmp, path, overwrite: true);
    }

    public static Position Load(string path, RnnClassifier model, OptimizerHelper optimizer)
    {
        using var fs = File.OpenRead(path);
        using var r = new BinaryReader(fs);
        if (r.ReadString() != Magic) throw new InvalidDataException($"{path} is not a checkpoint of this project");
        var position = new Position(r.ReadInt64(), r.ReadDouble(), r.ReadInt64());
        model.load(r);
        optimizer.load_state_dict(r);
        return position;
    }

    /// <summary>Saves the weights alone (model.bin), atomically.</summary>
    public static void SaveWeights(string path, RnnClassifier model)
    {
        var tmp = path + ".tmp";
        model.save(tmp);
        File.Move(tmp, path, overwrite: true);
    }
}
