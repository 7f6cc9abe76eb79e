using System.Buffers.Binary;
using System.IO.Hashing;
using MlBuild.Core.Hashing;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests;

public sealed class ContentHashTests
{
    private const int MiB = 1024 * 1024;
    private const int Chunk = 64 * MiB;

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
    public void The_chunk_size_is_the_one_recorded_in_lock_files()
    {
        Assert.Equal(Chunk, ContentHash.ChunkSize);
    }

    // Around the edges of a read, of a chunk and of the tree: values recorded in users' lock files must not move.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(240)]
    [InlineData(241)]
    [InlineData(256 * 1024 - 1)]
    [InlineData(256 * 1024)]
    [InlineData(256 * 1024 + 1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(2 * Chunk)]
    [InlineData(130 * MiB)]
    [InlineData(3 * Chunk + 12345)]
    public void A_file_hashes_to_the_definition_on_any_number_of_threads(int length)
    {
        using var directory = new TestDirectory();
        var content = Content(length);
        var path = directory.File("data.bin");
        File.WriteAllBytes(path, content);

        var expected = Reference(content);
        Assert.Equal(expected, ContentHash.OfFile(path));
        foreach (var threads in new[] { 1, 2, 3, 8 })
            Assert.Equal(expected, ContentHash.OfFile(path, threads));
    }

    // Computed by the memory-mapped implementation this one replaced, for Content(length).
    [Theory]
    [InlineData(1000, "xxh128:278c93ab297d73bf25620c9b443cb9b7")]
    [InlineData(Chunk + 1, "xxh128:729b20b3eb334fcaed1f6e252bce1a27")]
    [InlineData(130 * MiB, "xxh128:13aad798928d265a342abef0a7957eb6")]
    public void A_file_hashes_to_the_value_recorded_before(int length, string recorded)
    {
        using var directory = new TestDirectory();
        var path = directory.File("data.bin");
        File.WriteAllBytes(path, Content(length));

        Assert.Equal(recorded, ContentHash.OfFile(path));
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

    [Fact]
    public void A_change_in_any_chunk_changes_the_hash()
    {
        using var directory = new TestDirectory();
        var content = Content(2 * Chunk + 10);
        var path = directory.File("data.bin");
        File.WriteAllBytes(path, content);
        var before = ContentHash.OfFile(path);

        foreach (var position in new[] { 0, Chunk - 1, Chunk, 2 * Chunk + 9 })
        {
            content[position] ^= 0x80;
            File.WriteAllBytes(path, content);
            Assert.NotEqual(before, ContentHash.OfFile(path));
            content[position] ^= 0x80;
        }
        File.WriteAllBytes(path, content);
        Assert.Equal(before, ContentHash.OfFile(path));
    }

    [Fact]
    public void A_file_another_reader_holds_open_is_hashed_and_can_still_be_deleted()
    {
        using var directory = new TestDirectory();
        var content = Content(Chunk + 5);
        var path = directory.File("held.bin");
        File.WriteAllBytes(path, content);

        using (var other = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete))
        {
            Assert.Equal(Reference(content), ContentHash.OfFile(path));
            // The hash left nothing open that would keep the file from being deleted (on Windows, too).
            File.Delete(path);
            Assert.False(File.Exists(path));
            Assert.Equal(content.Length, other.Length);
        }
    }

    [Fact]
    public void A_file_can_be_deleted_once_hashed_and_a_missing_file_fails()
    {
        using var directory = new TestDirectory();
        var path = directory.File("gone.bin");
        File.WriteAllBytes(path, Content(3 * MiB));

        ContentHash.OfFile(path);
        File.Delete(path);

        Assert.Throws<FileNotFoundException>(() => ContentHash.OfFile(path));
    }

    /// <summary>The definition, computed independently: XXH128 of the whole content up to one chunk; above, XXH128
    /// over each chunk's XXH128 followed by the length as 8 little-endian bytes.</summary>
    private static string Reference(byte[] content)
    {
        if (content.Length <= Chunk)
            return "xxh128:" + Convert.ToHexStringLower(XxHash128.Hash(content));
        var concatenated = new List<byte>();
        for (var offset = 0; offset < content.Length; offset += Chunk)
            concatenated.AddRange(XxHash128.Hash(content.AsSpan(offset, Math.Min(Chunk, content.Length - offset))));
        var length = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, content.Length);
        concatenated.AddRange(length);
        return "xxh128:" + Convert.ToHexStringLower(XxHash128.Hash(concatenated.ToArray()));
    }

    /// <summary>Deterministic bytes (xorshift64), the same on every runtime.</summary>
    private static byte[] Content(int length)
    {
        var bytes = new byte[length];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < bytes.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            bytes[i] = (byte)(state >> 56);
        }
        return bytes;
    }
}
