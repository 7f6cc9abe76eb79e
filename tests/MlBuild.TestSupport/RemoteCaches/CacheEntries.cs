using System.Text.Json.Nodes;
using MlBuild.Core.Caching;
using MlBuild.Core.Hashing;
using MlBuild.Core.LockFiles;

namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>Local cache entries to push and fetch: a model of random (incompressible) bytes, written 1 MB at a time so
/// that a gigabyte one costs no gigabyte of memory.</summary>
internal static class CacheEntries
{
    /// <summary>Stores a model of <paramref name="bytes"/> random bytes under <paramref name="fingerprint"/> in the
    /// cache at <paramref name="cacheRoot"/>; the model file written on the way (<paramref name="modelFile"/>) is
    /// deleted again.</summary>
    public static void StoreRandomModel(string cacheRoot, string fingerprint, long bytes, string modelFile, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(modelFile)!);
        var buffer = new byte[1024 * 1024];
        var random = new Random(seed);
        using (var stream = File.Create(modelFile))
            for (var written = 0L; written < bytes; written += buffer.Length)
            {
                random.NextBytes(buffer);
                stream.Write(buffer, 0, (int)Math.Min(buffer.Length, bytes - written));
            }
        var entry = LockEntry.Complete(new JsonObject { ["fingerprint"] = fingerprint }, "FastTree", ContentHash.OfFile(modelFile),
            bytes, new Dictionary<string, double> { ["RSquared"] = 0.7 }, 2);
        var stored = new ModelCache(cacheRoot).Store(fingerprint, modelFile, entry);
        File.Delete(modelFile);
        if (!stored)
            throw new InvalidOperationException($"Storing a {bytes}-byte model in {cacheRoot} failed.");
    }
}
