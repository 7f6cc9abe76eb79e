using System.Text;
using Microsoft.Build.Utilities;

namespace MlBuild.Tasks;

/// <summary>
/// A task that runs one of MlBuild's own processes with <c>dotnet exec</c> (the worker, the mlbuild tool): the dotnet
/// host of this build, and their output read as UTF-8. <see cref="WorkerToolTask"/> and <see cref="MlBuildToolTask"/>
/// say what they run and how their output is logged.
/// </summary>
public abstract class DotnetExecTask : ToolTask
{
    protected override string ToolName => "dotnet";

    // MlBuild's output is not localized; reading it as UTF-8 keeps model and column names intact.
    protected override Encoding StandardOutputEncoding => Encoding.UTF8;
    protected override Encoding StandardErrorEncoding => Encoding.UTF8;

    /// <summary>The dotnet host running this build (DOTNET_HOST_PATH), else <c>dotnet</c> from the PATH.</summary>
    protected override string GenerateFullPathToTool() => DotnetHost.Path;
}
