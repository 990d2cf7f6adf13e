using System.Globalization;

namespace QuickDraw.Training;

/// <summary>One row of metrics.csv. Split is "train" (running averages since the last log) or "eval".</summary>
public readonly record struct MetricsRow(long Step, double Seconds, string Split, double Loss, double Top1, double Top3, double Map3, double ExamplesPerSecond)
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string ToCsv() => string.Join(',', Step.ToString(C), Seconds.ToString("0.###", C), Split, F(Loss), F(Top1), F(Top3), F(Map3), ExamplesPerSecond.ToString("0.#", C));

    static string F(double v) => double.IsNaN(v) ? "" : v.ToString("0.######", C);
    static double P(string s) => s.Length == 0 ? double.NaN : double.Parse(s, C);

    public static MetricsRow Parse(string line)
    {
        var f = line.Split(',');
        if (f.Length != 8) throw new FormatException($"metrics row needs 8 fields: {line}");
        return new MetricsRow(long.Parse(f[0], C), P(f[1]), f[2], P(f[3]), P(f[4]), P(f[5]), P(f[6]), P(f[7]));
    }

    /// <summary><see cref="Parse"/> without throwing: false for a row that is cut short or not a metrics row.</summary>
    public static bool TryParse(string line, out MetricsRow row)
    {
        row = default;
        var f = line.Split(',');
        if (f.Length != 8 || f[2] is not ("train" or "eval") || !long.TryParse(f[0], NumberStyles.Integer, C, out long step)) return false;
        var v = new double[8];
        foreach (int i in (int[])[1, 3, 4, 5, 6, 7])
            if (f[i].Length == 0) v[i] = double.NaN;
            else if (!double.TryParse(f[i], NumberStyles.Float, C, out v[i])) return false;
        row = new MetricsRow(step, v[1], f[2], v[3], v[4], v[5], v[6], v[7]);
        return true;
    }
}
