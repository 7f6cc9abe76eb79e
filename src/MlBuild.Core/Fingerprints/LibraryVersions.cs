using MlBuild.Core.Declarations;

namespace MlBuild.Core.Fingerprints;

/// <summary>The versions of the ML.NET packages a project resolved: a new ML.NET may train differently, so its
/// version is part of every model's fingerprint.</summary>
internal static class LibraryVersions
{
    /// <summary>Used only to export a model to ONNX: its version is in the fingerprint of the models that export, and
    /// not in the others', so that adding the reference to export one model retrains no other.</summary>
    public const string OnnxConverter = "Microsoft.ML.OnnxConverter";

    public static bool IsExportOnly(string library) => library.Equals(OnnxConverter, StringComparison.OrdinalIgnoreCase);

    public static Dictionary<string, string> FromReferences(IEnumerable<DeclaredItem> references)
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
