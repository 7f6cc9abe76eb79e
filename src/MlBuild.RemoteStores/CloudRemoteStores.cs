using MlBuild.Core.Caching.Remote;

namespace MlBuild.RemoteStores;

/// <summary>Opens the store of any address the mlbuild tool serves: HTTP as the build does, S3 and Azure here.</summary>
internal static class CloudRemoteStores
{
    public static IRemoteStore Open(RemoteCacheAddress address, RemoteCacheOptions options,
        Func<string, string?> environment, Action<string>? progress) => address.Kind switch
        {
            RemoteStoreKind.S3 => new S3RemoteStore(address, options, environment),
            RemoteStoreKind.AzureBlob => new AzureBlobRemoteStore(address, options, environment),
            _ => RemoteCacheStores.OpenHttp(address, options, environment, progress),
        };
}
