using System.Text;

namespace MlBuild.Core.Reporting;

/// <summary>
/// Makes names from the project (models, columns, slice values, class labels, paths) safe in markdown: they are
/// shown as written, never as formatting, links, HTML or a broken table. Pull-request comments render HTML, so a
/// class label "&lt;script&gt;" must stay text.
/// </summary>
internal static class MarkdownText
{
    private const char ZeroWidthSpace = '\u200B';

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                // A line break would end a table row or a list item.
                case '\r' or '\n': escaped.Append(' '); break;
                // Emphasis, code, tables, links, strikethrough and GitHub's $math$. With '[' escaped, '(' and '!'
                // can start no link or image, so they stay as they are and the report stays readable as plain text.
                case '\\' or '`' or '*' or '_' or '|' or '[' or ']' or '~' or '$':
                    escaped.Append('\\').Append(c);
                    break;
                // "@name" in a comment notifies that user and "#12" cross-references issue 12, whatever escaping the
                // markdown gets: a zero-width space after them keeps the text as it reads and links nobody.
                case '#': escaped.Append("\\#").Append(ZeroWidthSpace); break;
                case '@': escaped.Append('@').Append(ZeroWidthSpace); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>For text inside an HTML block (a &lt;summary&gt;): markdown is not rendered there, so backslashes would
    /// show; only HTML's own characters are escaped, and a line break, which would end the block, becomes a space.</summary>
    public static string EscapeHtml(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\r' or '\n': escaped.Append(' '); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}
