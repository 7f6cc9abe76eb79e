using System.Security.Cryptography;

namespace MlBuild.Core.Packaging;

/// <summary>A packed file's SHA-256, which the runtime loader can check without MlBuild's hashing library, and the
/// model file's facts as the manifest records them.</summary>
internal static class ModelFileHasher
{
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <param name="path">The model file.</param>
    /// <param name="lockHash">The lock file's content hash of it.</param>
    public static ModelFileFacts Facts(string path, string? lockHash) =>
        new() { Size = new FileInfo(path).Length, Hash = lockHash, Sha256 = Sha256(path) };
}
