namespace MlBuild.Data.Diagnostics;

/// <summary>A failure the user can fix, carrying the errors to report (several for data files, so one
/// build shows every bad row up to a limit instead of one per build).</summary>
public sealed class MlbException : Exception
{
    public MlbException(string code, Location at, string message)
        : this([new Diagnostic(code, at, message)])
    {
    }

    public MlbException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count > 0 ? diagnostics[0].Message : "MlBuild error")
    {
        if (diagnostics.Count == 0)
            throw new ArgumentException("At least one diagnostic is needed.", nameof(diagnostics));
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public Diagnostic First => Diagnostics[0];

    /// <summary>The MlbException an exception wraps, if any: data errors found while ML.NET reads a view reach the
    /// caller wrapped in ML.NET's own exceptions.</summary>
    public static MlbException? Within(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is MlbException found)
                return found;
        return exception is AggregateException aggregate
            ? aggregate.InnerExceptions.Select(Within).FirstOrDefault(f => f is not null)
            : null;
    }
}
