using System.Buffers;
using System.IO.Hashing;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace MlBuild.Core.Hashing;

/// <summary>
/// The content hash of a file: XXH128 of the whole content up to 64 MiB; above that, XXH128 of each fixed 64 MiB
/// chunk, then XXH128 over the chunk digests followed by the length (8 bytes, little-endian). XXH128 runs at memory
/// speed where MD5 or SHA-256 cannot, and fixed chunks make the result the same on any number of cores. Not a
/// cryptographic hash: it detects change, it does not resist forgery.
/// </summary>
/// <remarks>
/// The file is read with <c>read()</c> (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>) into a small
/// buffer per thread that stays in the core's cache, never memory-mapped: mapping the page cache costs a page-table
/// update per page or folio, so its speed depends on how the file came into the cache. A file written in 1 MiB
/// pieces (most files) hashed at 1–3 GB/s mapped against 10–13 GB/s read, even on one thread. Chunks are shared
/// between the calling thread and, when there are more cores, dedicated threads of this hash's own (not the thread
/// pool, which a build node may keep busy): each thread takes the next chunk not yet taken, so a thread that loses
/// its core delays the result by at most the chunk it holds.
/// </remarks>
internal static class ContentHash
{
    public const string Prefix = "xxh128:";
    internal const int ChunkSize = 64 * 1024 * 1024;

    // Large enough that a read() costs little per byte, small enough to stay in a core's L2 cache between the copy
    // out of the page cache and the hash reading it (256 KiB measured faster than 1 MiB and than 64 KiB).
    internal const int ReadSize = 256 * 1024;

    // Copying out of the page cache is bound by memory bandwidth after a few threads (measured on 2 cores only:
    // there a second thread gave up to 1.8x when the other core was free, and about one thread's figure when not).
    private const int MaxThreads = 4;

    public static string OfFile(string path) => OfFile(path, Math.Min(Environment.ProcessorCount, MaxThreads));

    /// <summary>The hash of the file read on at most <paramref name="maxThreads"/> threads (the value never depends on it).</summary>
    internal static string OfFile(string path, int maxThreads)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
            FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (length <= ChunkSize)
        {
            var digest = new byte[16];
            HashRange(handle, 0, (int)length, new XxHash128(), digest);
            return Format(digest);
        }
        return Format(HashChunked(handle, length, Math.Max(1, maxThreads)));
    }

    public static string OfBytes(ReadOnlySpan<byte> bytes) => Format(XxHash128.Hash(bytes));

    public static string OfText(string text) => OfBytes(System.Text.Encoding.UTF8.GetBytes(text));

    private static byte[] HashChunked(SafeFileHandle handle, long length, int maxThreads)
    {
        var chunkCount = (int)((length + ChunkSize - 1) / ChunkSize);
        var digests = new byte[chunkCount * 16];
        var work = new ChunkWork(handle, length, chunkCount, digests);

        var helpers = new Thread[Math.Min(maxThreads, chunkCount) - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = new Thread(work.Run, maxStackSize: 256 * 1024) { IsBackground = true, Name = "MlBuild ContentHash" };
            helpers[i].Start();
        }
        work.Run();
        foreach (var helper in helpers)
            helper.Join();
        work.Failure?.Throw();

        var tree = new XxHash128();
        tree.Append(digests);
        Span<byte> lengthBytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(lengthBytes, length);
        tree.Append(lengthBytes);
        return tree.GetCurrentHash();
    }

    /// <summary>Streams <paramref name="count"/> bytes from <paramref name="offset"/> through a reset hasher into <paramref name="digest"/>.</summary>
    private static void HashRange(SafeFileHandle handle, long offset, int count, XxHash128 hasher, Span<byte> digest)
    {
        hasher.Reset();
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(ReadSize, Math.Max(count, 1)));
        try
        {
            var end = offset + count;
            while (offset < end)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - offset)), offset);
                if (read == 0)
                    throw new IOException("The file became shorter while it was being hashed.");
                hasher.Append(buffer.AsSpan(0, read));
                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        hasher.GetCurrentHash(digest);
    }

    /// <summary>The chunks of one file, taken one at a time by each thread that hashes it.</summary>
    private sealed class ChunkWork(SafeFileHandle handle, long length, int chunkCount, byte[] digests)
    {
        private int _next = -1;
        private volatile ExceptionDispatchInfo? _failure;

        public ExceptionDispatchInfo? Failure => _failure;

        public void Run()
        {
            try
            {
                var hasher = new XxHash128();
                int chunk;
                while (_failure is null && (chunk = Interlocked.Increment(ref _next)) < chunkCount)
                {
                    var offset = (long)chunk * ChunkSize;
                    HashRange(handle, offset, (int)Math.Min(ChunkSize, length - offset), hasher,
                        digests.AsSpan(chunk * 16, 16));
                }
            }
            catch (Exception exception)
            {
                // The first failure is reported; the other threads stop at their next chunk.
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
            }
        }
    }

    private static string Format(byte[] digest) => Prefix + Convert.ToHexStringLower(digest);
}
