using System.IO.Hashing;
using System.IO.MemoryMappedFiles;

namespace MlBuild.Tasks.Hashing;

/// <summary>
/// The content hash of a file: XXH128 over fixed 64 MiB chunks, hashed in parallel, then XXH128 over the chunk
/// digests. XXH128 runs at memory speed where MD5 or SHA-256 cannot, and fixed chunks make the result the same
/// on any number of cores. Not a cryptographic hash: it detects change, it does not resist forgery.
/// </summary>
internal static class ContentHash
{
    public const string Prefix = "xxh128:";
    internal const int ChunkSize = 64 * 1024 * 1024;

    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
            bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length == 0)
            return Format(XxHash128.Hash(ReadOnlySpan<byte>.Empty));

        // Mapping the file lets the hash read the page cache directly instead of copying it through read().
        using var map = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.Read,
            HandleInheritability.None, leaveOpen: true);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        return Format(HashMapped(view, length));
    }

    public static string OfBytes(ReadOnlySpan<byte> bytes) => Format(XxHash128.Hash(bytes));

    public static string OfText(string text) => OfBytes(System.Text.Encoding.UTF8.GetBytes(text));

    private static unsafe byte[] HashMapped(MemoryMappedViewAccessor view, long length)
    {
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        try
        {
            start += view.PointerOffset;
            if (length <= ChunkSize)
                return XxHash128.Hash(new ReadOnlySpan<byte>(start, (int)length));

            var chunkCount = (int)((length + ChunkSize - 1) / ChunkSize);
            var digests = new byte[chunkCount * 16];
            var basePointer = (IntPtr)start;
            Parallel.For(0, chunkCount, chunk =>
            {
                var offset = (long)chunk * ChunkSize;
                var size = (int)Math.Min(ChunkSize, length - offset);
                var span = new ReadOnlySpan<byte>((byte*)basePointer + offset, size);
                XxHash128.Hash(span, digests.AsSpan(chunk * 16, 16));
            });
            var tree = new XxHash128();
            tree.Append(digests);
            tree.Append(BitConverter.GetBytes(length));
            return tree.GetCurrentHash();
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    private static string Format(byte[] digest) => Prefix + Convert.ToHexStringLower(digest);
}
