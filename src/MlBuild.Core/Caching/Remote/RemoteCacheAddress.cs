namespace MlBuild.Core.Caching.Remote;

/// <summary>The kinds of store a remote cache can live on.</summary>
internal enum RemoteStoreKind { Http, S3, AzureBlob }

/// <summary>
/// MlBuildRemoteCache, parsed: <c>http(s)://host/path</c> (the HTTP build-cache protocol), <c>s3://bucket/prefix</c>,
/// <c>azure://container/prefix</c>. <see cref="Display"/> is what logs show: without user info or query, which may
/// hold secrets.
/// </summary>
internal sealed record RemoteCacheAddress(RemoteStoreKind Kind, Uri Uri, string Container, string Prefix)
{
    /// <summary>The address as logs may show it.</summary>
    public string Display => Kind == RemoteStoreKind.Http
        ? new UriBuilder(Uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.ToString().TrimEnd('/')
        : $"{Uri.Scheme}://{Container}{(Prefix.Length > 0 ? "/" + Prefix : "")}";

    /// <summary>Parses the property's value; null with <paramref name="error"/> saying what is wrong.</summary>
    public static RemoteCacheAddress? Parse(string text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            error = "it is not an absolute URL";
            return null;
        }
        var prefix = uri.AbsolutePath.Trim('/');
        switch (uri.Scheme)
        {
            case "http" or "https":
                // The base ends with a slash, so that "ac/…" and "cas/…" resolve below its path, not beside it.
                var withSlash = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/" }.Uri;
                return new RemoteCacheAddress(RemoteStoreKind.Http, withSlash, "", prefix);
            case "s3" or "azure" when uri.Host.Length > 0:
                return new RemoteCacheAddress(uri.Scheme == "s3" ? RemoteStoreKind.S3 : RemoteStoreKind.AzureBlob, uri,
                    uri.Host, Uri.UnescapeDataString(prefix));
            case "s3" or "azure":
                error = $"it names no {(uri.Scheme == "s3" ? "bucket" : "container")} ({uri.Scheme}://name/prefix)";
                return null;
            default:
                error = $"MlBuild knows no store of the scheme '{uri.Scheme}'";
                return null;
        }
    }
}
