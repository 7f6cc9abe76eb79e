using Microsoft.Build.Utilities;

namespace MlBuild.Tasks;

/// <summary>
/// How the tasks start the worker, the way <c>dotnet ef</c> runs a project's code: <c>dotnet exec --depsfile
/// P.deps.json --runtimeconfig P.runtimeconfig.json --roll-forward LatestMajor --additionalprobingpath &lt;NuGet
/// root&gt; MlBuild.Worker.dll &lt;command&gt; &lt;files&gt;</c>, so ML.NET and its natives come from the project and
/// never load into the MSBuild node. Shared by training, evaluation (RunWorker) and packaging (DescribePackageModel).
/// </summary>
internal static class WorkerInvocation
{
    public const string ToolName = "dotnet";

    /// <summary>The dotnet host running this build (DOTNET_HOST_PATH), else <c>dotnet</c> from the PATH.</summary>
    public static string HostPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : ToolName;

    public static string CommandLine(string depsFile, string runtimeConfigFile, IEnumerable<string> probingPaths,
        string workerPath, string command, params string[] files)
    {
        var line = new CommandLineBuilder();
        line.AppendSwitch("exec");
        line.AppendSwitchIfNotNull("--depsfile ", depsFile);
        line.AppendSwitchIfNotNull("--runtimeconfig ", runtimeConfigFile);
        // The worker is built for the newest .NET; a project on an older one still runs it, on the newest runtime
        // installed, with that project's own ML.NET.
        line.AppendSwitchIfNotNull("--roll-forward ", "LatestMajor");
        foreach (var path in probingPaths.Where(p => !string.IsNullOrWhiteSpace(p)))
            line.AppendSwitchIfNotNull("--additionalprobingpath ", path.TrimEnd('/', '\\'));
        line.AppendFileNameIfNotNull(workerPath);
        line.AppendSwitch(command);
        foreach (var file in files)
            line.AppendFileNameIfNotNull(file);
        return line.ToString();
    }
}
