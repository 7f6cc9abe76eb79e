using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Scanning;

/// <summary>MLB2004: a value that breaks its column's kind, reported at its line instead of silently becoming a missing
/// value.</summary>
public static class BadValue
{
    public static Diagnostic Numeric(string path, int line, string column, string value) =>
        new(MlbCodes.InvalidValue, new Location(path, line),
            $"column '{column}' is numeric but this line has '{value}', which is not a number " +
            "(invariant culture, '.' for decimals): fix the value, or leave it empty for a missing value.");

    public static Diagnostic Boolean(string path, int line, string column, string value) =>
        new(MlbCodes.InvalidValue, new Location(path, line),
            $"column '{column}' holds true/false values but this line has '{value}': fix the value.");
}
