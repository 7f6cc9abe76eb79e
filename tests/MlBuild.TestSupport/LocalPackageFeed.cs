namespace MlBuild.TestSupport;

/// <summary>
/// A folder whose builds restore the freshly packed MlBuild from a local feed: a nuget.config that adds the feed, and
/// empty Directory.Build.* and Directory.Packages.props files that keep any settings of the folders above it out of
/// the builds. The integration tests and the benchmarks build their projects below such a folder.
/// </summary>
internal static class LocalPackageFeed
{
    /// <summary>The version of the one MlBuild package in <paramref name="feed"/>.</summary>
    /// <exception cref="InvalidOperationException">The feed does not hold exactly one MlBuild package.</exception>
    public static string MlBuildVersionIn(string feed)
    {
        var packages = Directory.GetFiles(feed, "MlBuild.*.nupkg");
        if (packages.Length != 1)
            throw new InvalidOperationException($"No single MlBuild.*.nupkg in {feed} (found {packages.Length}): pack MlBuild there first.");
        return Path.GetFileNameWithoutExtension(packages[0])["MlBuild.".Length..];
    }

    /// <summary>Makes <paramref name="root"/> restore from <paramref name="feed"/> (and the usual sources) and see
    /// nothing of the folders above it.</summary>
    public static void Isolate(string root, string feed, string feedName)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig(feedName, feed));
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
    }

    /// <summary>A nuget.config that adds one folder feed to the sources of the folders above it.</summary>
    public static string NuGetConfig(string feedName, string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="{feedName}" value="{feed}" />
          </packageSources>
        </configuration>
        """;
}
