namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>What the cache stand-in does instead of answering a request normally, once per request it matches.</summary>
public abstract record CacheFault
{
    /// <summary>Answers with this status (and Retry-After seconds, for 429 and 503).</summary>
    public sealed record Status(int Code, int? RetryAfterSeconds = null) : CacheFault;

    /// <summary>Sends nothing for this long (past any client timeout), then closes.</summary>
    public sealed record Hang(TimeSpan For) : CacheFault;

    /// <summary>Announces the whole body, sends this many bytes of it, then breaks the connection off.</summary>
    public sealed record Truncate(int Bytes) : CacheFault;

    /// <summary>Answers 200 with the stored body, one byte changed: a body that does not hash to its key.</summary>
    public sealed record Corrupt : CacheFault;
}
