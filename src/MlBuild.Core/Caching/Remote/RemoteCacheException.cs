namespace MlBuild.Core.Caching.Remote;

/// <summary>What went wrong with a remote cache, as the warning tells it.</summary>
internal enum RemoteFault
{
    /// <summary>Refused the connection, or no such host.</summary>
    Unreachable,
    /// <summary>No answer, or no progress, within the timeout.</summary>
    TimedOut,
    /// <summary>5xx or 429 after the retries.</summary>
    ServerError,
    /// <summary>401 or 403: the credentials are missing or wrong.</summary>
    Refused,
    /// <summary>Another answer the protocol does not allow.</summary>
    Unexpected,
    /// <summary>An entry that is incomplete or does not match its hashes.</summary>
    InvalidEntry,
}

/// <summary>A remote cache failed in a way the build reports once and then goes on without it.</summary>
internal sealed class RemoteCacheException(RemoteFault fault, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RemoteFault Fault { get; } = fault;

    /// <summary>Whether the rest of the build should stop asking this remote (an outage), rather than only this entry
    /// being unusable.</summary>
    public bool DisablesRemote => Fault is not RemoteFault.InvalidEntry;
}
