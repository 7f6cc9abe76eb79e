using System.Reflection;

namespace MlBuild.Tasks;

internal static class MlBuildVersion
{
    /// <summary>The package version, without source-control suffix: part of every fingerprint, so that a new
    /// MlBuild (whose worker may train differently) retrains.</summary>
    public static string Current { get; } =
        (typeof(MlBuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(MlBuildVersion).Assembly.GetName().Version!.ToString()).Split('+')[0];
}
