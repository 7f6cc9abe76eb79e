using MlBuild.GitHub.Comments;

namespace MlBuild.GitHub.Publishing;

/// <summary>
/// The comment's text: the marker line, then the report, within GitHub's limit for a comment (a longer body is
/// refused with 422 "body is too long"). The renderer keeps reports well under it; this is the last line of defence.
/// </summary>
internal static class CommentBody
{
    /// <summary>GitHub's limit. Counted here in UTF-16 code units, never fewer than GitHub's characters.</summary>
    public const int MaxLength = 65_536;

    public static string Compose(string marker, string report, string? fullReportUrl, out bool truncated)
    {
        var whole = ReportMarker.Prepend(marker, report);
        truncated = whole.Length > MaxLength;
        if (!truncated)
            return whole;

        var where = string.IsNullOrEmpty(fullReportUrl) ? "the build's `report.md`" : $"[the run's summary]({fullReportUrl})";
        var note = $"\n\n---\n> **Note**: this report was cut to fit GitHub's limit of 65,536 characters for a comment. Read the full report in {where}.\n";

        // Cut at a line boundary, so that no table row, link or character is cut in half, then close what the cut
        // left open: an open code fence would swallow the note, an open <details> would fold it away.
        var end = MaxLength - note.Length;
        while (true)
        {
            var lineEnd = whole.LastIndexOf('\n', Math.Max(0, end - 1));
            end = lineEnd > marker.Length ? lineEnd : WithoutHalfCharacter(whole, end);
            var kept = whole[..end];
            var text = kept + Closing(kept) + note;
            if (text.Length <= MaxLength)
                return text;
            end--;
        }
    }

    static int WithoutHalfCharacter(string text, int end) => end > 0 && char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;

    static string Closing(string kept)
    {
        var closing = "";
        var fences = kept.Split('\n').Count(line => line.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (fences % 2 == 1)
            closing += "\n```";
        var openDetails = Count(kept, "<details") - Count(kept, "</details>");
        for (var i = 0; i < openDetails; i++)
            closing += "\n</details>";
        return closing;
    }

    static int Count(string text, string tag)
    {
        var count = 0;
        for (var at = text.IndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(tag, at + tag.Length, StringComparison.OrdinalIgnoreCase))
            count++;
        return count;
    }
}
