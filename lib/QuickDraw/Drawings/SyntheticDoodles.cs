using System.Text;

namespace QuickDraw.Drawings;

/// <summary>
/// A seeded generator of procedural doodles in the dataset's simplified format (integer coordinates,
/// aligned top-left, scaled to a maximum of 255, simplified with Ramer–Douglas–Peucker ε = 2):
/// the offline stand-in for Quick, Draw! in tests and in the main job. Same seed → same bytes.
/// </summary>
public static partial class SyntheticDoodles
{
    /// <summary>The 10 visually distinct base classes.</summary>
    public static IReadOnlyList<string> BaseClasses { get; } =
        ["circle", "cross", "house", "line", "spiral", "square", "star", "triangle", "wave", "zigzag"];

    /// <summary>Classes made to be confused with base ones (hexagon~circle, rectangle~square, ...).</summary>
    public static IReadOnlyList<string> ConfusableClasses { get; } =
        ["arrow", "diamond", "heart", "hexagon", "moon", "pentagon", "rectangle", "smiley", "check", "tree"];

    public static IReadOnlyList<string> AllClasses { get; } = [.. BaseClasses, .. ConfusableClasses];

    /// <summary>One drawing of <paramref name="className"/>.</summary>
    public static Drawing Generate(string className, Random rng, DoodleStyle? style = null)
    {
        style ??= DoodleStyle.Easy;
        var strokes = Shape(className, rng);
        if (rng.NextDouble() < style.ScribbleProbability) strokes.Add(Scribble(rng));
        var placed = Distort(strokes, rng, style);
        return ToSimplified(className, placed);
    }

    /// <summary>Writes <c>&lt;class&gt;.ndjson</c> with <paramref name="perClass"/> drawings for each class into
    /// <paramref name="folder"/>; returns the files. About 3% are marked recognized = false, as in the real data.</summary>
    public static IReadOnlyList<string> WriteNdjson(string folder, int perClass, int seed = 0, DoodleStyle? style = null, IEnumerable<string>? classes = null)
    {
        Directory.CreateDirectory(folder);
        var names = (classes ?? BaseClasses).ToList();
        var files = new string[names.Count];
        Parallel.For(0, names.Count, c =>
        {
            string cls = names[c];
            var rng = new Random(unchecked(seed * 1_000_003 + AllClassesIndex(cls) * 7919 + 17));
            var path = Path.Combine(folder, cls + ".ndjson");
            using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            for (int i = 0; i < perClass; i++)
            {
                var d = Generate(cls, rng, style) with { Recognized = rng.NextDouble() >= 0.03 };
                w.WriteLine(ToJson(d, keyId: 5_000_000_000_000_000L + (long)c * 10_000_000 + i, timestamp: 1_490_000_000 + i));
            }
            files[c] = path;
        });
        return files;
    }

    /// <summary>The drawing as one ndjson line in the dataset's field order.</summary>
    public static string ToJson(Drawing d, long keyId, long timestamp)
    {
        var sb = new StringBuilder(512);
        sb.Append("{\"word\":\"").Append(d.Word).Append("\",\"countrycode\":\"ZZ\",\"timestamp\":\"")
          .Append(DateTimeOffset.FromUnixTimeSeconds(timestamp).ToString("yyyy-MM-dd HH:mm:ss.ffffff"))
          .Append(" UTC\",\"recognized\":").Append(d.Recognized ? "true" : "false")
          .Append(",\"key_id\":\"").Append(keyId).Append("\",\"drawing\":[");
        for (int s = 0; s < d.Strokes.Count; s++)
        {
            if (s > 0) sb.Append(',');
            var st = d.Strokes[s];
            sb.Append("[[").AppendJoin(',', st.X.Select(v => (int)v)).Append("],[").AppendJoin(',', st.Y.Select(v => (int)v)).Append("]]");
        }
        return sb.Append("]}").ToString();
    }

    static int AllClassesIndex(string cls)
    {
        for (int i = 0; i < AllClasses.Count; i++) if (AllClasses[i] == cls) return i;
        throw new ArgumentException($"unknown synthetic class '{cls}'; known: {string.Join(", ", AllClasses)}");
    }

    // Global affine distortion (rotation, anisotropic scale, shear), then a smooth random warp (a hand's wobble,
    // a few low-frequency sinusoids of amplitude ~Jitter) and a little per-point noise, in unit space.
    static List<List<(double X, double Y)>> Distort(List<List<(double X, double Y)>> strokes, Random rng, DoodleStyle style)
    {
        double a = (rng.NextDouble() * 2 - 1) * style.MaxRotationDegrees * Math.PI / 180;
        double sx = 0.8 + 0.4 * rng.NextDouble(), sy = 0.8 + 0.4 * rng.NextDouble(), shear = (rng.NextDouble() - 0.5) * 0.3;
        double cos = Math.Cos(a), sin = Math.Sin(a);
        var waves = Enumerable.Range(0, 6).Select(_ => (F: rng.NextDouble() * 4 - 2, G: rng.NextDouble() * 4 - 2, P: rng.NextDouble() * 2 * Math.PI, A: Gaussian(rng) * style.Jitter * 1.5)).ToArray();
        double Warp(int axis, double x, double y)
        {
            double d = 0;
            for (int k = axis; k < waves.Length; k += 2) d += waves[k].A * Math.Sin(waves[k].F * x + waves[k].G * y + waves[k].P);
            return d;
        }
        return strokes.Select(s => s.Select(p =>
        {
            double x = p.X * sx + p.Y * shear, y = p.Y * sy;
            double rx = x * cos - y * sin, ry = x * sin + y * cos;
            return (rx + Warp(0, rx, ry) + Gaussian(rng) * style.Jitter * 0.15, ry + Warp(1, rx, ry) + Gaussian(rng) * style.Jitter * 0.15);
        }).ToList()).ToList();
    }

    // Align top-left, scale to max 255, round, RDP-simplify (ε = 2), as the dataset's simplified files are.
    static Drawing ToSimplified(string word, List<List<(double X, double Y)>> strokes)
    {
        var all = strokes.SelectMany(s => s).ToList();
        double minX = all.Min(p => p.X), minY = all.Min(p => p.Y);
        double size = Math.Max(all.Max(p => p.X) - minX, all.Max(p => p.Y) - minY);
        double k = size > 0 ? 255 / size : 1;
        var result = new List<Stroke>();
        foreach (var s in strokes)
        {
            var pts = s.Select(p => (X: Math.Round((p.X - minX) * k), Y: Math.Round((p.Y - minY) * k))).ToList();
            var kept = Rdp(pts, 2.0);
            result.Add(new Stroke(kept.Select(p => (float)p.X).ToArray(), kept.Select(p => (float)p.Y).ToArray()));
        }
        return new Drawing(word, result);
    }

    static List<(double X, double Y)> Rdp(List<(double X, double Y)> pts, double eps)
    {
        if (pts.Count < 3) return pts;
        var keep = new bool[pts.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int, int)>();
        stack.Push((0, pts.Count - 1));
        while (stack.Count > 0)
        {
            var (i, j) = stack.Pop();
            double best = -1; int at = -1;
            var (ax, ay) = pts[i]; var (bx, by) = pts[j];
            double dx = bx - ax, dy = by - ay, len = Math.Sqrt(dx * dx + dy * dy);
            for (int m = i + 1; m < j; m++)
            {
                var (px, py) = pts[m];
                double d = len > 0 ? Math.Abs(dy * px - dx * py + bx * ay - by * ax) / len : Math.Sqrt((px - ax) * (px - ax) + (py - ay) * (py - ay));
                if (d > best) { best = d; at = m; }
            }
            if (best > eps) { keep[at] = true; stack.Push((i, at)); stack.Push((at, j)); }
        }
        var result = new List<(double X, double Y)>();
        for (int m = 0; m < pts.Count; m++) if (keep[m]) result.Add(pts[m]);
        return result;
    }

    static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
