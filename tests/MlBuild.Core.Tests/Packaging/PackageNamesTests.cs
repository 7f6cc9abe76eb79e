using MlBuild.Core.Packaging;

namespace MlBuild.Core.Tests.Packaging;

public sealed class PackageNamesTests
{
    [Theory]
    [InlineData("Iris.Models.Iris", true)]
    [InlineData("Contoso.Fraud-Model_v2", true)]
    [InlineData("Iris..Models", false)]
    [InlineData("Iris.Models.", false)]
    [InlineData("-Iris", false)]
    [InlineData("Iris Models", false)]
    [InlineData("", false)]
    public void Package_ids_follow_NuGet(string id, bool valid) => Assert.Equal(valid, PackageNames.IsValidId(id));

    [Fact]
    public void A_package_id_has_at_most_100_characters()
    {
        Assert.True(PackageNames.IsValidId(new string('a', 100)));
        Assert.False(PackageNames.IsValidId(new string('a', 101)));
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("1.2", true)]
    [InlineData("1.2.3.4", true)]
    [InlineData("2.0.0-beta.1", true)]
    [InlineData("2.0.0-rc.1+sha.abc123", true)]
    [InlineData("1", false)]
    [InlineData("1.0.0.0.0", false)]
    [InlineData("v1.0.0", false)]
    [InlineData("1.0.0-", false)]
    [InlineData("1.0 .0", false)]
    public void Versions_are_SemVer(string version, bool valid) => Assert.Equal(valid, PackageNames.IsValidVersion(version));

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.2.3.0", "1.2.3")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("01.002.3", "1.2.3")]
    [InlineData("2.0.0-beta.1+sha.abc", "2.0.0-beta.1")]
    public void The_file_name_holds_the_version_as_NuGet_normalizes_it(string version, string normalized) =>
        Assert.Equal($"Iris.Models.Iris.{normalized}.nupkg", PackageNames.PackageFileName("Iris.Models.Iris", version));
}
