using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Files;

/// <summary>Reads the item's <c>Separator</c>: one character, or a name for one that is awkward to write in
/// a project file (tab above all, which MSBuild users write as "tab" or "\t").</summary>
public static class SeparatorSetting
{
    private static readonly Dictionary<string, char> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tab"] = '\t',
        ["\\t"] = '\t',
        ["comma"] = ',',
        ["semicolon"] = ';',
        ["pipe"] = '|',
        ["space"] = ' ',
    };

    /// <returns>The separator, or null to infer it.</returns>
    public static char? Parse(string? value, Location declaredAt)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (value.Length == 1)
            return value[0];
        if (Names.TryGetValue(value.Trim(), out var named))
            return named;
        throw new MlbException(MlbCodes.InvalidMetadataValue, declaredAt,
            $"Separator '{value}' is not a single character: set Separator to one character such as ',' or ';', " +
            "or to tab, comma, semicolon, pipe or space; or remove it to infer the separator.");
    }

    public static string Describe(char separator) => separator switch
    {
        '\t' => "tab",
        ' ' => "space",
        _ => $"'{separator}'",
    };
}
