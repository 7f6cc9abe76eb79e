namespace MlBuild.StandIn.Http;

/// <summary>One request the stand-in answered.</summary>
/// <param name="Method">GET, POST, PATCH, DELETE…</param>
/// <param name="Path">The path as requested, e.g. <c>/repos/octo/app/issues/7/comments</c>.</param>
/// <param name="Query">The query string, with its <c>?</c>, or "".</param>
/// <param name="ReceivedAt">When it arrived (wall clock).</param>
/// <param name="Elapsed">When it arrived, on a monotonic clock started with the stand-in: subtract two to measure a
/// wait.</param>
/// <param name="Status">The status answered.</param>
/// <param name="Body">The request's body, or null when it had none.</param>
/// <param name="ContentType">The request's Content-Type.</param>
/// <param name="AuthorizationScheme">The scheme of the request's Authorization header (<c>token</c>, <c>Bearer</c>),
/// without the credentials.</param>
public sealed record LoggedRequest(
    string Method,
    string Path,
    string Query,
    DateTimeOffset ReceivedAt,
    TimeSpan Elapsed,
    int Status,
    string? Body,
    string? ContentType,
    string? AuthorizationScheme)
{
    /// <summary>The request carried a body.</summary>
    public bool HadBody => Body is not null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
}
