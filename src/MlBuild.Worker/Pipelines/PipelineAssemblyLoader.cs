using System.Reflection;
using System.Runtime.Loader;

namespace MlBuild.Worker.Pipelines;

/// <summary>
/// Loads the project's built assembly into the default load context, so it shares ML.NET and MlBuild.Runtime with
/// the worker (the project's deps.json resolves those). Assemblies the deps.json does not list are looked for beside
/// the project's assembly, for as long as the loader lives (pipelines may load dependencies during Fit).
/// </summary>
internal sealed class PipelineAssemblyLoader : IDisposable
{
    private readonly string _directory;

    public PipelineAssemblyLoader(string assemblyPath)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        _directory = Path.GetDirectoryName(fullPath)!;
        AssemblyLoadContext.Default.Resolving += ResolveBeside;
        Assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }

    public Assembly Assembly { get; }

    public void Dispose() => AssemblyLoadContext.Default.Resolving -= ResolveBeside;

    private Assembly? ResolveBeside(AssemblyLoadContext context, AssemblyName name)
    {
        var candidate = Path.Combine(_directory, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    }
}
