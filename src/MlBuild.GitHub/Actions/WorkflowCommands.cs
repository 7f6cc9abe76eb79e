using System.Globalization;
using System.Text;

namespace MlBuild.GitHub.Actions;

/// <summary>
/// The lines a step writes to its standard output to talk to the runner
/// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions): annotations, folded groups and
/// masks. Escaped as the runner unescapes them (actions/toolkit <c>command.ts</c>), so a message with a newline or a
/// file name with a comma cannot end the command early or inject another one.
/// </summary>
public static class WorkflowCommands
{
    /// <summary><c>::error file=…,line=…,col=…,title=…::message</c>: an error annotation, shown on the pull
    /// request's diff at the file and line.</summary>
    public static string Error(string message, string? file = null, int? line = null, int? column = null, string? title = null) =>
        Annotation("error", message, file, line, column, title);

    /// <summary><c>::warning …::message</c>: a warning annotation.</summary>
    public static string Warning(string message, string? file = null, int? line = null, int? column = null, string? title = null) =>
        Annotation("warning", message, file, line, column, title);

    /// <summary><c>::notice …::message</c>: a notice annotation.</summary>
    public static string Notice(string message, string? file = null, int? line = null, int? column = null, string? title = null) =>
        Annotation("notice", message, file, line, column, title);

    /// <summary><c>::group::title</c>: the lines up to <see cref="EndGroup"/> are folded under the title.</summary>
    public static string Group(string title) => "::group::" + EscapeData(title);

    /// <summary><c>::endgroup::</c>.</summary>
    public static string EndGroup() => "::endgroup::";

    /// <summary><c>::add-mask::value</c>: the runner replaces the value with <c>***</c> in every later line of the
    /// log.</summary>
    public static string AddMask(string value) => "::add-mask::" + EscapeData(value);

    /// <summary>Escapes a command's message: <c>%</c>, carriage return and line feed.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property's value: as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c>, which separate
    /// the properties from each other and from the message.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    static string Annotation(string command, string message, string? file, int? line, int? column, string? title)
    {
        var properties = new List<string>(4);
        if (!string.IsNullOrEmpty(file))
            properties.Add("file=" + EscapeProperty(file));
        if (line is > 0)
            properties.Add("line=" + line.Value.ToString(CultureInfo.InvariantCulture));
        if (column is > 0)
            properties.Add("col=" + column.Value.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(title))
            properties.Add("title=" + EscapeProperty(title));

        var text = new StringBuilder("::").Append(command);
        if (properties.Count > 0)
            text.Append(' ').AppendJoin(',', properties);
        return text.Append("::").Append(EscapeData(message)).ToString();
    }
}
