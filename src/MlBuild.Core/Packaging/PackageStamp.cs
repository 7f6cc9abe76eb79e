using System.Text;
using MlBuild.Core.Hashing;

namespace MlBuild.Core.Packaging;

/// <summary>
/// What a package holds, hashed: the manifest without its build time, the package's metadata and files, and where it
/// goes. Equal to the stamp of the last package that was packed (written only once Pack succeeded) while that .nupkg
/// is still there, the package is up to date: nothing is packed again, so an unchanged model keeps its package.
/// </summary>
internal static class PackageStamp
{
    public const string FileName = "package.stamp";
    public const string PendingFileName = "package.stamp.pending";

    public static string Compute(string manifestWithoutBuildTime, string nuspec, string consumerTargets,
        IEnumerable<string> packedFileHashes, string packageFile)
    {
        var text = new StringBuilder()
            .Append(manifestWithoutBuildTime).Append('\n')
            .Append(nuspec).Append('\n')
            .Append(consumerTargets).Append('\n')
            .Append(string.Join('\n', packedFileHashes)).Append('\n')
            .Append(Path.GetFullPath(packageFile));
        return ContentHash.OfText(text.ToString());
    }

    public static bool IsUpToDate(string stagingDirectory, string stamp, string packageFile) =>
        File.Exists(packageFile)
        && File.Exists(Path.Combine(stagingDirectory, FileName))
        && File.ReadAllText(Path.Combine(stagingDirectory, FileName)).Trim() == stamp;
}
