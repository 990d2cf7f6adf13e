using QuickDraw.Common;
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

    /// <summary>Restores weights and optimizer state; returns the position. A damaged file (empty, cut short, another
    /// model's) is an <see cref="ActionableException"/> naming it.</summary>
    public static Position Load(string path, RnnClassifier model, OptimizerHelper optimizer)
    {
        try
        {
            using var fs = File.OpenRead(path);
            using var r = new BinaryReader(fs);
            if (fs.Length == 0) throw new InvalidDataException("the file is empty");
            if (r.ReadString() != Magic) throw new InvalidDataException("it is not a checkpoint of this project");
            var position = new Position(r.ReadInt64(), r.ReadDouble(), r.ReadInt64());
            model.load(r);
            optimizer.load_state_dict(r);
            if (fs.Position != fs.Length) throw new InvalidDataException($"{fs.Length - fs.Position} bytes follow the optimizer state");
            return position;
        }
        catch (Exception e) when (e is not ActionableException && e is not OutOfMemoryException)
        {
            throw new ActionableException($"the checkpoint cannot be read ({Damage(e)})", path,
                "it cannot be resumed: train again under another --run (model.bin, if intact, still holds the last weights)", inner: e);
        }
    }

    /// <summary>Loads model.bin's weights into <paramref name="model"/>; a damaged file is an <see cref="ActionableException"/>.</summary>
    public static void LoadWeights(string path, RnnClassifier model, bool hasCheckpoint)
    {
        try
        {
            if (new FileInfo(path).Length == 0) throw new InvalidDataException("the file is empty");
            model.load(path);
        }
        catch (Exception e) when (e is not ActionableException && e is not OutOfMemoryException)
        {
            throw new ActionableException($"the model cannot be read ({Damage(e)})", path,
                hasCheckpoint ? "rewrite it from the run's checkpoint: dotnet run scripts/train.cs -- --run <this run> --resume"
                              : "train the run again", inner: e);
        }
    }

    static string Damage(Exception e) => e switch
    {
        EndOfStreamException => "it ends too early: a truncated file",
        InvalidDataException d => d.Message,
        _ => e.Message.ReplaceLineEndings(" ") is var m && m.Length > 160 ? m[..160] + "..." : e.Message.ReplaceLineEndings(" "),
    };

    /// <summary>Saves the weights alone (model.bin), atomically.</summary>
    public static void SaveWeights(string path, RnnClassifier model)
    {
        var tmp = path + ".tmp";
        model.save(tmp);
        File.Move(tmp, path, overwrite: true);
    }
}
