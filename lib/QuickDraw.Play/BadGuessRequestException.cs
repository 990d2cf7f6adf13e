namespace QuickDraw.Play;

/// <summary>A bad request: the message says what is wrong and where; the server answers HTTP 400 with it.</summary>
public sealed class BadGuessRequestException(string message) : Exception(message);
