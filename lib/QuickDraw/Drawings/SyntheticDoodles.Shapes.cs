namespace QuickDraw.Drawings;

// The shapes themselves, in unit space (y grows downwards, as on screen), densely sampled: the
// simplification step thins them the way the dataset's pipeline thins real strokes.
public static partial class SyntheticDoodles
{
    static List<List<(double X, double Y)>> Shape(string cls, Random rng)
    {
        double U(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
        switch (cls)
        {
            case "circle": return [Ellipse(0, 0, 1, U(0.85, 1.15), U(0, 2 * Math.PI), U(1.0, 1.15))];
            case "square": return [Closed(Regular(4, Math.PI / 4))];
            case "rectangle": return [Closed([(-1.6, -0.8), (1.6, -0.8), (1.6, 0.8), (-1.6, 0.8)])];
            case "diamond": return [Closed(Regular(4, 0, 1, U(1.4, 1.8)))];
            case "triangle": return [Closed(Regular(3, -Math.PI / 2))];
            case "pentagon": return [Closed(Regular(5, -Math.PI / 2))];
            case "hexagon": return [Closed(Regular(6, 0))];
            case "star":
            {
                var pts = Enumerable.Range(0, 5).Select(i => i * 2 % 5)
                    .Select(i => (Math.Cos(-Math.PI / 2 + i * 2 * Math.PI / 5), Math.Sin(-Math.PI / 2 + i * 2 * Math.PI / 5))).ToList();
                return [Closed(pts)];
            }
            case "spiral":
            {
                double turns = U(2, 3.5), phase = U(0, 2 * Math.PI);
                var s = new List<(double, double)>();
                for (int i = 0; i <= 200; i++) { double t = i / 200.0, a = phase + t * turns * 2 * Math.PI; s.Add((t * Math.Cos(a), t * Math.Sin(a))); }
                return [s];
            }
            case "zigzag":
            {
                int n = rng.Next(4, 8);
                return [Dense(Enumerable.Range(0, n + 1).Select(i => (i * 2.0 / n - 1, i % 2 == 0 ? -0.4 : 0.4)).ToList())];
            }
            case "check": return [Dense([(-1, 0), (-0.4, 0.7), (1, -1)])];
            case "line":
            {
                double a = U(0, Math.PI);
                return [Dense([(-Math.Cos(a), -Math.Sin(a)), (Math.Cos(a), Math.Sin(a))])];
            }
            case "cross":
                return rng.Next(2) == 0
                    ? [Dense([(-1, 0), (1, 0)]), Dense([(0, -1), (0, 1)])]
                    : [Dense([(-1, -1), (1, 1)]), Dense([(1, -1), (-1, 1)])];
            case "wave":
            {
                double cycles = U(1.5, 3), amp = U(0.25, 0.45), phase = U(0, 2 * Math.PI);
                var s = new List<(double, double)>();
                for (int i = 0; i <= 120; i++) { double x = i / 60.0 - 1; s.Add((x, amp * Math.Sin(phase + x * cycles * Math.PI))); }
                return [s];
            }
            case "arrow":
                return [Dense([(-1, 0), (1, 0)]), Dense([(0.5, -0.45), (1, 0), (0.5, 0.45)])];
            case "house":
            {
                var walls = Closed([(-1, -0.2), (-1, 1), (1, 1), (1, -0.2)]);
                var roof = Dense([(-1.15, -0.2), (0, -1.1), (1.15, -0.2)]);
                if (rng.Next(3) == 0) return [walls, roof, Dense([(-0.2, 1), (-0.2, 0.4), (0.2, 0.4), (0.2, 1)])];
                return [walls, roof];
            }
            case "tree":
                return [Closed([(0, -1.2), (0.8, 0.4), (-0.8, 0.4)]), Dense([(-0.15, 0.4), (-0.15, 1.1), (0.15, 1.1), (0.15, 0.4)])];
            case "heart":
            {
                var s = new List<(double, double)>();
                for (int i = 0; i <= 120; i++)
                {
                    double t = i / 120.0 * 2 * Math.PI;
                    s.Add((16 * Math.Pow(Math.Sin(t), 3) / 16, -(13 * Math.Cos(t) - 5 * Math.Cos(2 * t) - 2 * Math.Cos(3 * t) - Math.Cos(4 * t)) / 16));
                }
                return [s];
            }
            case "moon":
            {
                // Outer arc bottom → left → top, then a flatter arc back down: a crescent.
                var outer = Ellipse(0, 0, 1, 1, Math.PI / 2, 0.5);
                var inner = Ellipse(0, 0, U(0.35, 0.55), 1, Math.PI / 2, 0.5);
                inner.Reverse();
                return [[.. outer, .. inner]];
            }
            case "smiley":
                return [Ellipse(0, 0, 1, 1, U(0, 6.28), 1.05), Dense([(-0.35, -0.35), (-0.35, -0.2)]), Dense([(0.35, -0.35), (0.35, -0.2)]),
                        Ellipse(0, 0.1, 0.55, 0.45, 0.2, 0.35)];
            default: throw new ArgumentException($"unknown synthetic class '{cls}'; known: {string.Join(", ", AllClasses)}");
        }
    }

    static List<(double X, double Y)> Scribble(Random rng)
    {
        var s = new List<(double, double)>();
        double x = rng.NextDouble() * 2 - 1, y = rng.NextDouble() * 2 - 1;
        for (int i = 0; i < rng.Next(2, 6); i++) { s.Add((x, y)); x += rng.NextDouble() - 0.5; y += rng.NextDouble() - 0.5; }
        return Dense(s);
    }

    // Ellipse arc starting at angle a0, covering `fraction` of a full turn (slightly over 1 closes with overlap).
    static List<(double X, double Y)> Ellipse(double cx, double cy, double rx, double ry, double a0, double fraction)
    {
        var s = new List<(double, double)>();
        int n = (int)(96 * fraction);
        for (int i = 0; i <= n; i++) { double a = a0 + i / 96.0 * 2 * Math.PI; s.Add((cx + rx * Math.Cos(a), cy + ry * Math.Sin(a))); }
        return s;
    }

    static List<(double X, double Y)> Regular(int sides, double phase, double rx = 1, double ry = 1) =>
        Enumerable.Range(0, sides).Select(i => (rx * Math.Cos(phase + i * 2 * Math.PI / sides), ry * Math.Sin(phase + i * 2 * Math.PI / sides))).ToList();

    static List<(double X, double Y)> Closed(List<(double X, double Y)> corners) => Dense([.. corners, corners[0]]);

    // Resample a polyline at ~1/40 of unit length, so jitter bends edges like a hand does.
    static List<(double X, double Y)> Dense(List<(double X, double Y)> corners)
    {
        var s = new List<(double, double)> { corners[0] };
        for (int i = 1; i < corners.Count; i++)
        {
            var (ax, ay) = corners[i - 1]; var (bx, by) = corners[i];
            int n = Math.Max(1, (int)(Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay)) * 20));
            for (int k = 1; k <= n; k++) s.Add((ax + (bx - ax) * k / n, ay + (by - ay) * k / n));
        }
        return s;
    }
}
