namespace QuickDraw.Configuration;

/// <summary>The type a setting's value has (in C#, on a command line and in JSON).</summary>
public enum SettingKind { Int, Long, Double, Bool, Text, IntList }
