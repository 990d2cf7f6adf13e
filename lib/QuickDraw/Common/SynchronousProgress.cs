namespace QuickDraw.Common;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls <c>report</c> at once, on the reporting thread. Unlike
/// <see cref="Progress{T}"/>, which posts each report to the thread pool, reports arrive in order and have been
/// handled when <c>Report</c> returns (a console line is printed before the next step starts).
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
