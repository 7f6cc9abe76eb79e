using System.Collections;
using Microsoft.Build.Framework;

namespace MlBuild.Tasks.Tests.Support;

/// <summary>Collects what a task logs, so a task can run in a unit test without MSBuild.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];
    public List<BuildWarningEventArgs> Warnings { get; } = [];
    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties,
        IDictionary targetOutputs) => throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e) { }
    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public bool Logged(string text) => Messages.Any(m => m.Message?.Contains(text, StringComparison.Ordinal) == true);
}
