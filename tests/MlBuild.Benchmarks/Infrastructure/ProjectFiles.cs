namespace MlBuild.Benchmarks.Infrastructure;

/// <summary>
/// The project files the benchmarks build. The variants of one benchmark differ only in their references (and
/// MlModel items), so that a difference in time is what MlBuild costs: the same source, the same data files in the
/// same folders, the same properties.
/// </summary>
internal static class ProjectFiles
{
    public const string MlNetVersion = "5.0.1";

    /// <summary>The taxi-fare model of samples/TaxiFare, as the retraining, evaluation and remote-cache benchmarks
    /// declare it over that sample's data in their project's data/ folder.</summary>
    public const string TaxiFareModel = "TaxiFare";

    public const string TaxiFareItem = """
            <MlModel Include="TaxiFare" Task="Regression" Trainer="FastTree" TrainData="data/train.csv"
                     TestData="data/test.csv" LabelColumn="fare_amount" />
        """;

    /// <summary>A project that references MlBuild and declares <paramref name="items"/>.</summary>
    public static string WithMlBuild(string mlBuildVersion, string items) => Project($"""
            <PackageReference Include="MlBuild" Version="{mlBuildVersion}" />
          </ItemGroup>
          <ItemGroup>
        {items}
        """);

    /// <summary>The same project using ML.NET directly: what an ML.NET project costs anyway.</summary>
    public static string WithMlNet() => Project($"""
            <PackageReference Include="Microsoft.ML" Version="{MlNetVersion}" />
            <PackageReference Include="Microsoft.ML.FastTree" Version="{MlNetVersion}" />
        """);

    /// <summary>The same project with no package at all.</summary>
    public static string Bare() => Project("");

    public static void Write(string directory, string name, string projectXml, string programSource)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), projectXml);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programSource);
    }

    private static string Project(string itemGroupContent) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
        {itemGroupContent}
          </ItemGroup>
        </Project>
        """;
}
