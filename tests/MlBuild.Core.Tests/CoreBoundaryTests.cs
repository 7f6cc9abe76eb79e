using MlBuild.Core.Hashing;

namespace MlBuild.Core.Tests;

/// <summary>The core's one rule: it never needs MSBuild, so that its logic is tested (and reused, by the mlbuild tool)
/// without a build engine.</summary>
public sealed class CoreBoundaryTests
{
    [Fact]
    public void The_core_assembly_references_no_MSBuild_assembly()
    {
        var core = typeof(ContentHash).Assembly;
        Assert.Equal("MlBuild.Core", core.GetName().Name);

        var references = core.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.Contains("MlBuild.Data", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }
}
