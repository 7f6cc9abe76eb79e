using System.Text.RegularExpressions;

namespace MlBuild.StandIn.Faults;

/// <summary>
/// Scripted responses waiting for a request they match (method and path pattern); each is given once, in the order
/// they were queued.
/// </summary>
internal sealed class FaultQueue
{
    readonly Lock gate = new();
    readonly List<(string Method, Regex Path, ScriptedResponse Response)> queue = [];

    /// <param name="method">The HTTP method, or <c>*</c> for any.</param>
    /// <param name="pathPattern">The path, where <c>*</c> stands for one segment (or part of one) and <c>**</c> for
    /// any rest, e.g. <c>/repos/*/*/issues/*/comments</c>.</param>
    /// <param name="response">The answer.</param>
    public void Enqueue(string method, string pathPattern, ScriptedResponse response)
    {
        var regex = "^" + Regex.Escape(pathPattern).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$";
        lock (gate)
            queue.Add((method, new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), response));
    }

    public ScriptedResponse? Take(string method, string path)
    {
        lock (gate)
        {
            var index = queue.FindIndex(f => (f.Method == "*" || string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase)) && f.Path.IsMatch(path));
            if (index < 0)
                return null;
            var response = queue[index].Response;
            queue.RemoveAt(index);
            return response;
        }
    }

    public int Pending
    {
        get
        {
            lock (gate)
                return queue.Count;
        }
    }
}
