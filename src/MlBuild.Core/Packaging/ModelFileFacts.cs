using System.Security.Cryptography;

namespace MlBuild.Core.Packaging;

/// <summary>The model file as the manifest records it: its size, the lock file's content hash, and a SHA-256 that the
/// runtime loader can check without MlBuild's hashing library.</summary>
internal sealed record ModelFileFacts(long Size, string? Hash, string Sha256)
{
    public static ModelFileFacts Of(string path, string? lockHash)
    {
        using var stream = File.OpenRead(path);
        var sha256 = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        return new ModelFileFacts(new FileInfo(path).Length, lockHash, sha256);
    }
}
