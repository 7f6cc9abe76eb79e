using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MlBuild.StandIn.Http;

/// <summary>
/// GitHub's paging (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api): <c>per_page</c>
/// (30 by default, 100 at most) and <c>page</c>, and a <c>Link</c> header of absolute addresses with rel="prev",
/// "next", "last" and "first", in that order, left out when everything fits on one page.
/// </summary>
internal static class Pagination
{
    const int DefaultPageSize = 30;
    const int MaxPageSize = 100;

    /// <param name="context">The request, whose <c>per_page</c> and <c>page</c> are read; the Link header is set on its
    /// response.</param>
    /// <param name="items">Everything, in order.</param>
    /// <param name="linkBase">The absolute address the links point at, without a query. GitHub points them at
    /// <c>/repositories/{id}/…</c> rather than the address requested.</param>
    /// <param name="otherQuery">Query parameters to repeat in the links before <c>per_page</c> and <c>page</c>.</param>
    public static IReadOnlyList<T> Page<T>(HttpContext context, IReadOnlyList<T> items, string linkBase, params (string Name, string? Value)[] otherQuery)
    {
        var size = Math.Clamp(Number(context, "per_page") ?? DefaultPageSize, 1, MaxPageSize);
        var page = Math.Max(Number(context, "page") ?? 1, 1);
        var last = Math.Max(1, (items.Count + size - 1) / size);

        if (last > 1)
        {
            var prefix = string.Concat(otherQuery.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}&"));
            string Link(int target, string rel) =>
                $"<{linkBase}?{prefix}per_page={size.ToString(CultureInfo.InvariantCulture)}&page={target.ToString(CultureInfo.InvariantCulture)}>; rel=\"{rel}\"";
            var links = new List<string>(4);
            if (page > 1)
                links.Add(Link(Math.Min(page - 1, last), "prev"));
            if (page < last)
            {
                links.Add(Link(page + 1, "next"));
                links.Add(Link(last, "last"));
            }
            if (page > 1)
                links.Add(Link(1, "first"));
            context.Response.Headers["Link"] = string.Join(", ", links);
        }
        return items.Skip((page - 1) * size).Take(size).ToList();
    }

    static int? Number(HttpContext context, string name) =>
        int.TryParse(context.Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
