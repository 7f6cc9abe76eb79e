// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>
/// Infers a column's kind from its values (the header excluded):
/// Numeric when at least 90% of the non-empty values are numbers (the others are then reported as bad values
/// rather than silently turning the column into text), or when every value is empty;
/// Boolean when every value is true or false (an empty value makes it Categorical: a bool cannot be missing);
/// Categorical when there are at most 100 distinct values, at most one per two rows, none longer than 50 characters;
/// Text otherwise.
/// </summary>
internal static class LegacyColumnKindInference
{
    public const double NumericShare = 0.9;
    public const int MaxCategories = 100;
    public const int MaxCategoryLength = 50;

    public static bool IsMostlyNumeric(int numbers, int nonEmpty) =>
        numbers > 0 && numbers >= NumericShare * nonEmpty;

    public static DataColumn Infer(string name, int index, IEnumerable<string> values) =>
        Infer(name, index, values, parsed: null);

    /// <param name="parsed">The values as <see cref="LegacyValues.ToNumber"/> reads them, when already parsed: only a NaN
    /// then needs parsing again (a missing value, not a number, or "NaN" itself).</param>
    private static DataColumn Infer(string name, int index, IEnumerable<string> values, float[]? parsed)
    {
        int count = 0, missing = 0, numbers = 0, booleans = 0, maxLength = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            count++;
            if (LegacyValues.IsMissing(value))
            {
                missing++;
                continue;
            }
            if ((parsed is not null && !float.IsNaN(parsed[count - 1])) || LegacyValues.IsNumber(value))
                numbers++;
            else if (LegacyValues.IsBoolean(value))
                booleans++;
            maxLength = Math.Max(maxLength, value.Length);
            // Past the limit the exact count no longer matters.
            if (distinct.Count <= MaxCategories)
                distinct.Add(value);
        }

        var nonEmpty = count - missing;
        var kind = nonEmpty == 0 || IsMostlyNumeric(numbers, nonEmpty) ? ColumnKind.Numeric
            : booleans == count ? ColumnKind.Boolean
            : distinct.Count <= MaxCategories && distinct.Count * 2 <= count && maxLength <= MaxCategoryLength
                ? ColumnKind.Categorical
                : ColumnKind.Text;
        return new DataColumn(name, index, kind, HasMissing: missing > 0);
    }

    public static IReadOnlyList<DataColumn> InferAll(LegacyDataFile file) =>
        // Parsed once for the file: validation and the data view use the same numbers.
        file.ColumnNames.Select((name, i) => Infer(name, i, file.ValuesOf(i), file.NumbersOf(i))).ToList();
}
