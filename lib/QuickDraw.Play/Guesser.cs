using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Training;

namespace QuickDraw.Play;

/// <summary>
/// Screen strokes → the dataset's simplified form (<see cref="StrokeSimplifier"/>) → the run's model, through
/// <see cref="Predictor"/> (what predict.cs uses), so the game sees a drawing exactly as the eval set was seen.
/// Safe to call from many threads at once: one model, inference under no_grad, nothing shared is written.
/// </summary>
public sealed class Guesser(Predictor predictor)
{
    /// <summary>Guesses returned per drawing.</summary>
    public const int Top = 5;

    /// <summary>Most ink accepted, in pixels of stroke length in the 0–255 box (resampling makes about one point per
    /// pixel). Real drawings rarely pass 10,000; a 20,000-point scribble across the box would make millions.</summary>
    public const double MaxInkLength = 200_000;

    public IReadOnlyList<string> Classes => predictor.Classes;

    /// <summary>The model's view of <paramref name="request"/>. Throws <see cref="BadGuessRequestException"/> on an
    /// unknown target or a drawing that simplifies to a single dot.</summary>
    public GuessResult Guess(GuessRequest request)
    {
        if (request.Target != null && !predictor.Classes.Contains(request.Target))
            throw new BadGuessRequestException($"unknown target class '{request.Target}' (GET /api/info lists the run's classes)");
        double ink = StrokeSimplifier.InkLength(request.Strokes);
        if (ink > MaxInkLength)
            throw new BadGuessRequestException($"too much ink: {ink:N0} pixels of strokes in the 255-pixel box (the limit is {MaxInkLength:N0}); clear and draw again");
        Drawing simplified;
        try { simplified = StrokeSimplifier.Simplify(request.Strokes); }
        catch (ArgumentException e) { throw new BadGuessRequestException(e.Message); }
        if (simplified.PointCount < 2) throw new BadGuessRequestException("the drawing is a single dot: draw a line or more");
        return Guess(simplified, request.Target);
    }

    /// <summary>The model's guesses for a drawing already in the dataset's form (no simplification).</summary>
    public GuessResult Guess(Drawing drawing, string? target = null)
    {
        var all = predictor.Predict([drawing], predictor.Classes.Count)[0];
        var top = all.Take(Top).Select(g => new ClassGuess(g.Class, g.Probability)).ToList();
        ClassGuess? wanted = target == null ? null : all.Where(g => g.Class == target).Select(g => new ClassGuess(g.Class, g.Probability)).First();
        var strokes = drawing.Strokes.Select(s => new[] { s.X, s.Y }).ToArray();
        return new GuessResult(top, wanted, strokes, drawing.PointCount);
    }
}
