using QuickDraw.Common;
using QuickDraw.Drawings;

namespace QuickDraw.Training;

/// <summary>
/// What a batch read from shards must satisfy before it reaches the model: every class index within the classes
/// file (else libtorch stops with "Target 8 is out of bounds", or a wrong label is learned), and every drawing
/// within the point cap (else one step's time and memory have no bound). A host-side check, a few comparisons
/// per drawing.
/// </summary>
public static class BatchCheck
{
    /// <summary>The longest record a batch may hold (points of ink = drawing points - 1).</summary>
    public const int MaxPoints = ReadOptions.DefaultMaxPoints;

    /// <summary>Throws an <see cref="ActionableException"/> naming <paramref name="dataFolder"/> when the batch holds a
    /// class index outside [0, <paramref name="numClasses"/>) or a record longer than <see cref="MaxPoints"/>.</summary>
    public static void Check(HostBatch batch, int numClasses, string dataFolder)
    {
        foreach (var label in batch.Labels)
            if ((ulong)label >= (ulong)numClasses)
                throw new ActionableException(
                    $"a record has class index {label}, but the run knows {numClasses} classes (0 to {numClasses - 1}): the classes file and the shards do not match",
                    dataFolder, "convert the data again (dotnet run scripts/convert.cs -- --help): it writes shards and classes file together");
        if (batch.MaxLength > MaxPoints)
            throw new ActionableException(
                $"a record holds {batch.MaxLength:N0} points, over the cap of {MaxPoints:N0} (it would make a step's time and memory unbounded)",
                dataFolder, "convert the data again with this project's converter: it skips drawings over the cap and counts them");
    }
}
