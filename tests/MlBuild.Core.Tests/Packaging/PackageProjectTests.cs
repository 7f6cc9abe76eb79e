using System.Xml.Linq;
using MlBuild.Core.Packaging;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Packaging;

public sealed class PackageProjectTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private PackageProject Project(string description = "A model.") => new(_directory.Path, new PackageProject.Metadata
    {
        Id = "Samples.Models.Iris",
        Version = "1.2.0",
        Description = description,
        Authors = "Team <ml@example.com>",
        Tags = ["mlbuild-model", "ML.NET"],
        RepositoryUrl = "https://github.com/octo/models.git",
        RepositoryCommit = "0123456789abcdef0123456789abcdef01234567",
        Dependencies = [("MlBuild", "0.1.0", "Build,Analyzers"), ("Microsoft.ML", "5.0.1", null)],
    });

    private static readonly PackageProject.PackedFile[] Files =
    [
        new("model/Iris.zip", "Iris.zip"),
        new("mlmodel.json", "Iris.mlmodel.json"),
        new("README.md", null),
    ];

    [Fact]
    public void The_nuspec_names_the_readme_the_repository_the_dependencies_and_every_file()
    {
        var nuspec = XDocument.Parse(Project().Nuspec(Files));
        XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        var metadata = nuspec.Root!.Element(ns + "metadata")!;

        Assert.Equal("Samples.Models.Iris", metadata.Element(ns + "id")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("Team <ml@example.com>", metadata.Element(ns + "authors")!.Value);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", metadata.Element(ns + "repository")!.Attribute("commit")!.Value);
        var dependency = metadata.Element(ns + "dependencies")!.Elements(ns + "dependency").First();
        Assert.Equal(("MlBuild", "0.1.0", "Build,Analyzers"),
            (dependency.Attribute("id")!.Value, dependency.Attribute("version")!.Value, dependency.Attribute("exclude")!.Value));
        Assert.Equal(["model/Iris.zip", "mlmodel.json", "README.md"],
            nuspec.Root.Element(ns + "files")!.Elements(ns + "file").Select(f => f.Attribute("target")!.Value));
    }

    [Fact]
    public void A_dollar_in_the_description_is_not_a_NuGet_token()
    {
        var nuspec = Project("Costs $5 and $10 per $token$.").Nuspec(Files);

        Assert.Contains("Costs $$5 and $$10 per $$token$$.", nuspec);
    }

    [Fact]
    public void The_consumer_targets_copy_each_output_file_under_its_output_name_and_leave_the_card_in_the_package()
    {
        var targets = XDocument.Parse(Project().ConsumerTargets(Files));

        var items = targets.Descendants("None").ToList();
        Assert.Equal(["Iris.zip", "Iris.mlmodel.json"], items.Select(i => i.Attribute("Link")!.Value));
        Assert.Equal(@"$(MSBuildThisFileDirectory)..\model\Iris.zip", items[0].Attribute("Include")!.Value);
        Assert.All(items, i => Assert.Equal("$(_MlBuildModelCopy)", i.Attribute("CopyToOutputDirectory")!.Value));
        Assert.All(items, i => Assert.Equal("Always", i.Attribute("CopyToPublishDirectory")!.Value));
        Assert.All(items, i => Assert.Equal("false", i.Attribute("Pack")!.Value));
    }

    [Fact]
    public void The_pack_project_packs_the_nuspec_deterministically_apart_from_the_users_build_files()
    {
        var project = XDocument.Parse(Project().Project("net10.0", "/out/feed;x", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        string Property(string name) => project.Descendants(name).Single().Value;
        Assert.Equal("false", Property("ImportDirectoryBuildProps"));
        Assert.Equal("false", Property("ImportDirectoryPackagesProps"));
        Assert.Equal("net10.0", Property("TargetFramework"));
        Assert.Equal("true", Property("NoBuild"));
        Assert.EndsWith("Samples.Models.Iris.nuspec", Property("NuspecFile"));
        Assert.Equal("/out/feed%3Bx/", Property("PackageOutputPath"));
        Assert.Equal("1735787045", Property("DeterministicTimestamp"));
    }

    public void Dispose() => _directory.Dispose();
}
