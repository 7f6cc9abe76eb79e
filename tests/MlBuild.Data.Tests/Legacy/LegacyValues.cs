// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using System.Globalization;
using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>How a field's text is read as a value; one place, so inference, validation and loading agree.</summary>
internal static class LegacyValues
{
    public static bool IsMissing(string field) => string.IsNullOrWhiteSpace(field);

    /// <summary>Invariant culture, so that a model trains the same on every machine whatever its locale.</summary>
    public static bool TryParseNumber(string field, out float value) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool IsNumber(string field) => TryParseNumber(field, out _);

    public static bool TryParseBoolean(string field, out bool value)
    {
        var text = field.AsSpan().Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsBoolean(string field) => TryParseBoolean(field, out _);

    /// <summary>A numeric field as a Single: NaN when missing (ML.NET's missing value for floats).</summary>
    public static float ToNumber(string field) =>
        !IsMissing(field) && TryParseNumber(field, out var value) ? value : float.NaN;
}
