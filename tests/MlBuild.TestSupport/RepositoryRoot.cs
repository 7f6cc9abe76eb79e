namespace MlBuild.TestSupport;

/// <summary>The repository the tests were built from: the folder above the test assembly that holds MlBuild.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "MlBuild.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No MlBuild.sln above {AppContext.BaseDirectory}.");
    }
}
