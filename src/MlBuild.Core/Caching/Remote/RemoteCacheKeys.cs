using System.Security.Cryptography;
using System.Text;

namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// Where an entry lives on a remote cache, laid out as bazel-remote serves its HTTP protocol, so that bazel-remote, nginx
/// with WebDAV or any artifact store holds it unchanged: each file under <c>cas/&lt;sha256 of its content&gt;</c>, the
/// entry's manifest under <c>ac/&lt;sha256 of the fingerprint&gt;</c>. SHA-256 rather than the local cache's XXH128
/// because servers check it: bazel-remote refuses a cas upload whose content does not hash to its key.
/// </summary>
internal static class RemoteCacheKeys
{
    public static string Manifest(string fingerprint) =>
        "ac/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));

    public static string Content(string sha256) => "cas/" + sha256;

    public static async Task<string> Sha256OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
            bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
