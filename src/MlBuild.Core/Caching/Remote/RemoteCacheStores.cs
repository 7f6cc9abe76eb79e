namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// Opens the store of an address. HTTP is built in: it needs nothing beyond the .NET runtime, so the build asks it from
/// its own process, which keeps a miss to a round trip. S3 and Azure need their SDKs, which must not load into MSBuild:
/// the mlbuild tool brings them and registers them here.
/// </summary>
internal static class RemoteCacheStores
{
    public delegate IRemoteStore Factory(RemoteCacheAddress address, RemoteCacheOptions options,
        Func<string, string?> environment, Action<string>? progress);

    public static IRemoteStore OpenHttp(RemoteCacheAddress address, RemoteCacheOptions options,
        Func<string, string?> environment, Action<string>? progress) =>
        new HttpRemoteStore(address, options, environment, progress);

    /// <summary>The MLB code of a fault's warning.</summary>
    public static string CodeOf(RemoteCacheException fault) => fault.Fault switch
    {
        RemoteFault.Refused => MlbCodes.RemoteCacheRefused,
        RemoteFault.InvalidEntry => MlbCodes.RemoteCacheEntryInvalid,
        _ => MlbCodes.RemoteCacheUnavailable,
    };

    /// <summary>The message of a fault as the warning says it, with what to do.</summary>
    public static string Describe(RemoteCacheException fault, RemoteCacheAddress address) => fault.Fault switch
    {
        RemoteFault.Refused => $"{fault.Message}. {RemoteCacheCredentials.HowToSet(address.Kind)}.",
        RemoteFault.InvalidEntry => $"an entry of the remote cache {address.Display} was not used: {fault.Message}",
        _ => $"{fault.Message}. The remote cache is not asked again in this build.",
    };
}
