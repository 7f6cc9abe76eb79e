using MlBuild.Core.Hashing;

namespace MlBuild.Core.Tests;

/// <summary>The core's rules: it never needs MSBuild, so that its logic is tested without a build engine; and it loads
/// into MSBuild beside the tasks, so it references MlBuild's own assemblies and System.IO.Hashing only (no Octokit, no
/// Parquet.Net: those run in the mlbuild tool's process).</summary>
public sealed class CoreBoundaryTests
{
    [Fact]
    public void The_core_assembly_references_no_MSBuild_assembly()
    {
        var core = typeof(ContentHash).Assembly;
        Assert.Equal("MlBuild.Core", core.GetName().Name);

        var references = core.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.Contains("MlBuild.Contracts", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Build", StringComparison.Ordinal));
        var framework = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        Assert.All(references.Where(name => !File.Exists(Path.Combine(framework, name + ".dll"))), name =>
            Assert.True(name is "MlBuild.Contracts" or "MlBuild.GitHub" or "System.IO.Hashing", $"MlBuild.Core references {name}"));
    }
}
