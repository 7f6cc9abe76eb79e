using System.Net;

namespace MlBuild.Core.Reporting.Html;

/// <summary>Text from the project or its data (model, column, class and slice names, values) as HTML: every
/// character that could open a tag, an entity or end an attribute is encoded, so a class named <c>&lt;script&gt;</c>
/// is shown, never run. Chart data never passes through here: it travels as JSON (<see cref="ChartJson"/>) and
/// Vega draws it as text.</summary>
internal static class HtmlText
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
