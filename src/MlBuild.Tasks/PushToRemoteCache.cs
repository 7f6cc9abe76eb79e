using Microsoft.Build.Framework;
using MlBuild.Core.Caching;
using MlBuild.Core.Caching.Remote;
using MlBuild.Core.Diagnostics;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Uploads a model the build trained (or restored from the local cache) to the remote cache, when
/// MlBuildRemoteCacheWrite is true: CI on the default branch writes, pull requests and developers only read. Files first,
/// the manifest last; an entry already on the remote costs one HEAD. A fault is a warning, never a failure: the model is
/// in place and in the local cache either way.
/// </summary>
public sealed class PushToRemoteCache : MsBuildTask
{
    [Required] public ITaskItem Model { get; set; } = null!;
    [Required] public string CacheDirectory { get; set; } = "";
    [Required] public string RemoteCache { get; set; } = "";
    public string? RemoteCacheTimeout { get; set; }
    public string? RemoteCacheEndpoint { get; set; }
    public string ToolAssembly { get; set; } = "";
    public string ProjectFile { get; set; } = "";

    public override bool Execute()
    {
        var at = new SourceLocation(ProjectFile);
        var remote = RemoteCacheConnection.Open(BuildEngine, Log, RemoteCache, RemoteCacheTimeout, RemoteCacheEndpoint,
            ToolAssembly, at);
        if (remote is null)
            return !Log.HasLoggedErrors;
        if (remote.IsDisabled)
        {
            Log.LogMessage(MessageImportance.Normal, "{0} is not uploaded: the remote cache {1} failed earlier in this build.",
                Model.ItemSpec, remote.Address.Display);
            return true;
        }
        var fingerprint = Model.GetMetadata(PlannedModelMetadata.Fingerprint);
        var outcome = RemoteCacheConnection.Use(remote, Log, r => r.PushAsync(fingerprint, new ModelCache(CacheDirectory),
            CancellationToken.None));
        RemoteCacheConnection.Report(remote, outcome, Model.ItemSpec, Log, at);
        switch (outcome.Pushed)
        {
            case RemotePushResult.Uploaded:
                Log.LogMessage(MessageImportance.High, "{0} uploaded to remote cache {1}", Model.ItemSpec, remote.Address.Display);
                break;
            case RemotePushResult.AlreadyThere:
                Log.LogMessage(MessageImportance.Normal, "{0} is in the remote cache already", Model.ItemSpec);
                break;
            case RemotePushResult.NotInLocalCache:
                Log.LogMessage(MessageImportance.Normal, "{0} is not uploaded: the local cache does not hold it ({1}).",
                    Model.ItemSpec, CacheDirectory);
                break;
        }
        return true;
    }
}
