namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>
/// An application that references model packages from a local feed (a folder) and nothing else, as a team's service
/// would: its nuget.config adds the feed to the fixture's (which serves the packed MlBuild the model packages depend on).
/// </summary>
internal static class ModelConsumer
{
    /// <summary>A console project named <paramref name="name"/> referencing <paramref name="packages"/> (id, version),
    /// with <paramref name="program"/> as its Program.cs.</summary>
    public static TestProject Create(PackageFeedFixture feed, string name, string modelFeed,
        IEnumerable<(string Id, string Version)> packages, string program)
    {
        var references = string.Join("\n", packages.Select(p => $"""    <PackageReference Include="{p.Id}" Version="{p.Version}" />"""));
        var project = new TestProject(feed, name);
        project.WithFile(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        project.WithFile("nuget.config", LocalPackageFeed.NuGetConfig("models", modelFeed));
        project.WithFile("Program.cs", program);
        return project;
    }

    /// <summary>Runs the built (or published) application and returns its output.</summary>
    public static ProcessResult Run(PackageFeedFixture feed, string directory, string assemblyName) =>
        ProcessRunner.Run("dotnet", [System.IO.Path.Combine(directory, assemblyName + ".dll")], directory,
            feed.Environment, TimeSpan.FromMinutes(2));
}
