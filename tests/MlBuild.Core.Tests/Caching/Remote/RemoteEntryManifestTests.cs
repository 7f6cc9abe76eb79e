using System.Text;
using System.Text.Json.Nodes;
using MlBuild.Core.Caching.Remote;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Tests.Caching.Remote;

public sealed class RemoteEntryManifestTests
{
    private const string Fingerprint = "00112233445566778899aabbccddeeff";
    private static readonly string Sha = new('a', 64);

    private static RemoteEntryManifest Manifest(string name = "model.zip", long size = 10) =>
        new(Fingerprint, new LockEntry(new JsonObject { ["fingerprint"] = Fingerprint, ["model"] = new JsonObject { ["hash"] = "xxh128:1", ["size"] = 10 } }),
            [new RemoteEntryFile(name, Sha, size)]);

    [Fact]
    public void Round_trips()
    {
        var parsed = RemoteEntryManifest.Parse(Manifest().ToBytes(), Fingerprint);

        Assert.Equal(Manifest().Files, parsed.Files);
        Assert.Equal(10, parsed.Entry.ModelSize);
    }

    [Theory]
    [InlineData("../../etc/passwd", 10, "cannot have")]
    [InlineData("model.zip", 11, "another size")]
    public void Refuses_a_file_an_entry_cannot_have_or_a_model_of_another_size(string name, long size, string why)
    {
        var error = Assert.Throws<RemoteCacheException>(() => RemoteEntryManifest.Parse(Manifest(name, size).ToBytes(), Fingerprint));

        Assert.Equal(RemoteFault.InvalidEntry, error.Fault);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void Refuses_the_manifest_of_another_fingerprint_and_what_is_not_one()
    {
        Assert.Contains("not the entry of this fingerprint",
            Assert.Throws<RemoteCacheException>(() => RemoteEntryManifest.Parse(Manifest().ToBytes(), "ffffffffffffffffffffffffffffffff")).Message);
        Assert.Contains("not JSON",
            Assert.Throws<RemoteCacheException>(() => RemoteEntryManifest.Parse(Encoding.UTF8.GetBytes("<html>"), Fingerprint)).Message);
    }
}
