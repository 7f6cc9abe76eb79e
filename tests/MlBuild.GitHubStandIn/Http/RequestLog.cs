namespace MlBuild.StandIn.Http;

/// <summary>Every request answered, in order of arrival.</summary>
internal sealed class RequestLog
{
    readonly Lock gate = new();
    readonly List<LoggedRequest> requests = [];

    public void Add(LoggedRequest request)
    {
        lock (gate)
            requests.Add(request);
    }

    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (gate)
            return requests.OrderBy(r => r.Elapsed).ToList();
    }

    public void Clear()
    {
        lock (gate)
            requests.Clear();
    }
}
