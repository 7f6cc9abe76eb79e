namespace MlBuild.Worker.Diagnostics;

/// <summary>
/// Writes to the worker's standard output: <c>mlbuild-progress:</c> lines are shown to the person waiting
/// for the build, any other line is low-importance detail.
/// </summary>
internal sealed class ProgressReporter
{
    public const string Prefix = "mlbuild-progress: ";

    private readonly TextWriter _output;
    private readonly TextWriter _diagnostics;
    private readonly string _modelName;
    private long _lastReport = Environment.TickCount64;

    /// <param name="diagnostics">Where warnings go, as canonical lines (standard error, like the errors); the output
    /// when not given.</param>
    public ProgressReporter(TextWriter output, string modelName, TextWriter? diagnostics = null)
    {
        // The heartbeat writes from a timer thread while training writes detail from the main one.
        _output = TextWriter.Synchronized(output);
        _diagnostics = diagnostics is null ? _output : TextWriter.Synchronized(diagnostics);
        _modelName = modelName;
    }

    /// <summary>A warning (a data check's finding): one canonical line, which the build turns into a warning.</summary>
    public void Warn(Diagnostic warning)
    {
        _diagnostics.WriteLine(warning.Format(_modelName));
        _diagnostics.Flush();
    }

    public void Report(string text)
    {
        _output.WriteLine($"{Prefix}{_modelName}: {text}");
        Interlocked.Exchange(ref _lastReport, Environment.TickCount64);
    }

    /// <summary>How long ago the last progress line was written: a heartbeat stays quiet while a pass tells its own
    /// progress.</summary>
    public TimeSpan SinceLastReport => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastReport));

    public void Detail(string text) => _output.WriteLine($"{_modelName}: {text}");
}
