namespace MlBuild.Tasks;

/// <summary>The dotnet host running this build (DOTNET_HOST_PATH), else <c>dotnet</c> from the PATH: what MlBuild's own
/// processes (the worker, the mlbuild tool) are started with.</summary>
internal static class DotnetHost
{
    public static string Path =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
