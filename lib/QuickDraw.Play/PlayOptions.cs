namespace QuickDraw.Play;

/// <summary>How to serve the game.</summary>
/// <param name="RunFolder">A trained run's folder (config.json, classes.txt, model.bin).</param>
/// <param name="Port">TCP port on 127.0.0.1; 0 picks a free one (tests).</param>
/// <param name="Threshold">Success threshold on the target's probability; null derives it from the run's eval set.</param>
/// <param name="EvalDrawings">Eval drawings read for the threshold and the replay list.</param>
public sealed record PlayOptions(string RunFolder, int Port = 5000, double? Threshold = null, int EvalDrawings = 1000);
