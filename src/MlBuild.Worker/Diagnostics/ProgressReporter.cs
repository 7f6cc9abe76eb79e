namespace MlBuild.Worker.Diagnostics;

/// <summary>
/// Writes to the worker's standard output: <c>mlbuild-progress:</c> lines are shown to the person waiting
/// for the build, any other line is low-importance detail.
/// </summary>
internal sealed class ProgressReporter
{
    public const string Prefix = "mlbuild-progress: ";

    private readonly TextWriter _output;
    private readonly string _modelName;

    public ProgressReporter(TextWriter output, string modelName)
    {
        // The heartbeat writes from a timer thread while training writes detail from the main one.
        _output = TextWriter.Synchronized(output);
        _modelName = modelName;
    }

    public void Report(string text) => _output.WriteLine($"{Prefix}{_modelName}: {text}");

    public void Detail(string text) => _output.WriteLine($"{_modelName}: {text}");
}
