using System.Text;

namespace MlBuild.GitHub.Comments;

/// <summary>
/// The hidden first line of a report comment, <c>&lt;!-- mlbuild-report id="…" --&gt;</c>: how a later run finds the
/// comment to update. The id tells reports apart, so two projects or two workflows of one repository keep a comment
/// each.
/// </summary>
public static class ReportMarker
{
    const int MaxIdLength = 100;

    /// <summary>The marker line for a report id (sanitized so that it cannot end the HTML comment or the line).</summary>
    public static string For(string reportId) => $"<!-- mlbuild-report id=\"{SanitizeId(reportId)}\" -->";

    /// <summary>The comment body: the marker line, then the report.</summary>
    public static string Prepend(string marker, string body) => marker + "\n" + body;

    /// <summary>True when one of the body's lines is exactly the marker (GitHub may have stored it with <c>\r\n</c>
    /// or trailing spaces). A mention of the marker inside a line, or another report's marker, does not count.</summary>
    public static bool IsIn(string? body, string marker)
    {
        if (string.IsNullOrEmpty(body))
            return false;
        foreach (var line in body.AsSpan().EnumerateLines())
            if (line.TrimEnd().SequenceEqual(marker))
                return true;
        return false;
    }

    /// <summary>
    /// Keeps letters, digits and <c>. _ - / : @ +</c> (enough for a project path or a workflow name); anything else
    /// becomes <c>_</c>, and runs of <c>-</c> become one, since <c>--</c> may not appear inside an HTML comment.
    /// </summary>
    internal static string SanitizeId(string? reportId)
    {
        var id = new StringBuilder();
        foreach (var c in (reportId ?? "").Trim())
        {
            if (id.Length == MaxIdLength)
                break;
            var kept = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or ':' or '@' or '+' ? c : '_';
            if (kept == '-' && id.Length > 0 && id[^1] == '-')
                continue;
            id.Append(kept);
        }
        return id.Length == 0 ? "default" : id.ToString();
    }
}
