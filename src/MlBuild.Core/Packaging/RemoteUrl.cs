namespace MlBuild.Core.Packaging;

/// <summary>
/// A git remote's URL as a package may publish it: without the credentials CI systems put in it
/// (<c>https://x-access-token:TOKEN@github.com/o/r</c>, <c>https://TOKEN@host/r.git</c>) and without a query or
/// fragment, where tokens hide too. An ssh user name (<c>ssh://git@host/r</c>, <c>git@host:o/r.git</c>) is an address,
/// not a secret, and stays.
/// </summary>
internal static class RemoteUrl
{
    private static readonly string[] SshSchemes = ["ssh", "git+ssh", "ssh+git"];

    public static string? Sanitize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        url = url.Trim();
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            return url;
        var scheme = url[..schemeEnd];
        var rest = url[(schemeEnd + 3)..];
        var cut = rest.IndexOfAny(['?', '#']);
        if (cut >= 0)
            rest = rest[..cut];
        var slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest[..slash] : rest;
        var path = slash >= 0 ? rest[slash..] : "";
        // The last '@' ends the user information: a password may hold an unencoded '@' of its own.
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var host = authority[(at + 1)..];
            var keepUser = SshSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) && !userInfo.Contains(':');
            authority = keepUser ? $"{userInfo}@{host}" : host;
        }
        return $"{scheme}://{authority}{path}";
    }
}
