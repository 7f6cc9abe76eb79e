namespace MlBuild.IntegrationTests.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PackageProject => Path.Combine(Root, "src", "MlBuild", "MlBuild.csproj");

    /// <summary>The test datasets, copied beside the test assembly.</summary>
    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MlBuild.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No MlBuild.sln above {AppContext.BaseDirectory}.");
    }
}
