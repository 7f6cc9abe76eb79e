using System.IO.Hashing;
using MlBuild.Tasks.Hashing;
using MlBuild.Tasks.Tests.Support;

namespace MlBuild.Tasks.Tests;

public sealed class ContentHashTests
{
    [Fact]
    public void A_small_file_hashes_to_the_plain_xxh128_of_its_bytes()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("a.csv", "x,y\n1,2\n");

        var expected = "xxh128:" + Convert.ToHexStringLower(XxHash128.Hash("x,y\n1,2\n"u8));
        Assert.Equal(expected, ContentHash.OfFile(path));
    }

    [Fact]
    public void An_empty_file_has_a_hash()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("empty.csv", "");

        Assert.Equal("xxh128:" + Convert.ToHexStringLower(XxHash128.Hash([])), ContentHash.OfFile(path));
    }

    [Fact]
    public void A_file_larger_than_a_chunk_hashes_its_chunk_digests_and_length()
    {
        using var directory = new TestDirectory();
        var bytes = new byte[ContentHash.ChunkSize + 1000];
        new Random(7).NextBytes(bytes);
        var path = directory.File("big.bin");
        File.WriteAllBytes(path, bytes);

        var tree = new XxHash128();
        tree.Append(XxHash128.Hash(bytes.AsSpan(0, ContentHash.ChunkSize)));
        tree.Append(XxHash128.Hash(bytes.AsSpan(ContentHash.ChunkSize)));
        tree.Append(BitConverter.GetBytes((long)bytes.Length));
        Assert.Equal("xxh128:" + Convert.ToHexStringLower(tree.GetCurrentHash()), ContentHash.OfFile(path));

        bytes[^1] ^= 1;
        File.WriteAllBytes(path, bytes);
        Assert.NotEqual("xxh128:" + Convert.ToHexStringLower(tree.GetCurrentHash()), ContentHash.OfFile(path));
    }
}
