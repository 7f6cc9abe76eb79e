// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>
/// Infers whether the first record is a header: it is when its first field starts with '#'; it is not when all its
/// fields are numbers or true/false; it is when one of its fields is not a number (or true/false) while the rest of
/// that column is; and when every column holds text, a header is assumed (set HasHeader=false otherwise).
/// </summary>
internal static class LegacyHeaderDetector
{
    // The header question is settled by the first rows; the whole file is validated later anyway.
    private const int SampleRows = 1000;

    public static HeaderDecision Detect(DataRecord first, IEnumerable<DataRecord> rest)
    {
        if (first.Fields[0].StartsWith('#'))
            return new(true, "its first line starts with '#'");
        if (first.Fields.All(f => LegacyValues.IsMissing(f) || LegacyValues.IsNumber(f) || LegacyValues.IsBoolean(f)))
            return new(false, "its first line holds only numbers or true/false values");

        var sample = rest.Take(SampleRows).ToList();
        var anyTypedColumn = false;
        for (var i = 0; i < first.Fields.Length; i++)
        {
            var values = sample.Where(r => r.Fields.Length > i && !LegacyValues.IsMissing(r.Fields[i]))
                .Select(r => r.Fields[i]).ToList();
            if (values.Count == 0)
                continue;
            var head = first.Fields[i];
            if (LegacyColumnKindInference.IsMostlyNumeric(values.Count(LegacyValues.IsNumber), values.Count))
            {
                anyTypedColumn = true;
                if (!LegacyValues.IsMissing(head) && !LegacyValues.IsNumber(head))
                    return new(true, $"'{head}' on its first line is not a number but the rest of column {i + 1} is");
            }
            else if (values.All(LegacyValues.IsBoolean))
            {
                anyTypedColumn = true;
                if (!LegacyValues.IsMissing(head) && !LegacyValues.IsBoolean(head))
                    return new(true, $"'{head}' on its first line is not true/false but the rest of column {i + 1} is");
            }
        }
        return anyTypedColumn
            ? new(false, "the values of its first line fit their columns")
            : new(true, "every column holds text, so the first line is taken as the header");
    }
}
