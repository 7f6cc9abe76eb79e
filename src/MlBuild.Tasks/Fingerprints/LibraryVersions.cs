using Microsoft.Build.Framework;

namespace MlBuild.Tasks.Fingerprints;

/// <summary>The versions of the ML.NET packages a project resolved: a new ML.NET may train differently, so its
/// version is part of every model's fingerprint.</summary>
internal static class LibraryVersions
{
    public static Dictionary<string, string> FromReferences(IEnumerable<ITaskItem> references)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var package = reference.GetMetadata("NuGetPackageId");
            if (package.Equals("Microsoft.ML", StringComparison.OrdinalIgnoreCase)
                || package.StartsWith("Microsoft.ML.", StringComparison.OrdinalIgnoreCase))
                versions[package] = reference.GetMetadata("NuGetPackageVersion");
        }
        return versions;
    }
}
