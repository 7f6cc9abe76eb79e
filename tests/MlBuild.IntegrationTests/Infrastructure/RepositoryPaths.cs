namespace MlBuild.IntegrationTests.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string PackageProject => Path.Combine(Root, "src", "MlBuild", "MlBuild.csproj");

    /// <summary>The test datasets, copied beside the test assembly.</summary>
    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");
}
