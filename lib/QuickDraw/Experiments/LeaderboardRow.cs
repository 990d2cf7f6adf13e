namespace QuickDraw.Experiments;

/// <summary>A leaderboard line: a run's last evaluation, its best one, its size and speed.</summary>
public sealed record LeaderboardRow(int Rank, string Run, double Top1, double Top3, double Map3, double EvalLoss,
    double BestTop1, long BestStep, long Parameters, long Steps, double Minutes, double ExamplesPerSecond, bool Completed);
