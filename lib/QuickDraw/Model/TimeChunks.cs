namespace QuickDraw.Model;

/// <summary>
/// How <see cref="ExactBiLstm"/> cuts a batch's time axis so that a dense LSTM runs little padding: with the
/// drawings sorted by length (longest first), chunk k runs steps [Start, End) for the first Rows drawings only —
/// those still drawing at Start — from the state the previous chunk left them in. Every real step is computed,
/// in order, from exact state; what a chunk runs past a drawing's end is padding that only follows its real steps.
/// One chunk is the plain dense LSTM; more chunks skip most of an unbucketed batch's padding for a few more calls.
/// </summary>
public static class TimeChunks
{
    /// <summary>One call of the LSTM: steps [Start, End) of the first Rows (longest) drawings.</summary>
    public readonly record struct Chunk(long Start, long End, long Rows);

    /// <summary>A call's fixed cost in row-steps (one drawing, one step, of the LSTM): what a cut must save.
    /// Measured on CPU, a call costs about as much as a few dozen row-steps of the tutorial's LSTM.</summary>
    public const long CallCost = 32;

    /// <summary>The most chunks a plan uses. Measured (recurrence.cs overhead, batch 64): 8–16 chunks run the
    /// tutorial's stack 15–18 % faster than 4 on unbucketed batches and the same on bucketed ones; 12 is the best.</summary>
    public const int MaxChunks = 12;

    /// <summary>The cheapest plan of 1 to <paramref name="maxChunks"/> chunks cut at length quantiles
    /// (cost = row-steps run + <paramref name="callCost"/> per chunk).</summary>
    /// <param name="descending">Lengths sorted longest first, each ≥ 1.</param>
    /// <param name="maxChunks">At most this many chunks.</param>
    /// <param name="callCost">A chunk's fixed cost in row-steps (<see cref="CallCost"/> unless measuring).</param>
    public static IReadOnlyList<Chunk> Plan(long[] descending, int maxChunks = MaxChunks, long callCost = CallCost)
    {
        int B = descending.Length;
        var ascending = descending.Reverse().ToArray();
        IReadOnlyList<Chunk> best = [];
        long bestCost = long.MaxValue;
        for (int k = 1; k <= maxChunks; k++)
        {
            var cuts = Enumerable.Range(1, k - 1).Select(j => ascending[Math.Max(0, j * B / k - 1)])
                .Where(s => s > 0 && s < descending[0]).Distinct().Order().ToList();
            var plan = new List<Chunk>();
            long start = 0;
            foreach (var end in cuts.Append(descending[0]))
            {
                plan.Add(new Chunk(start, end, descending.Count(l => l > start)));
                start = end;
            }
            long cost = plan.Sum(c => c.Rows * (c.End - c.Start) + callCost);
            if (cost < bestCost) { best = plan; bestCost = cost; }
        }
        return best;
    }
}
