// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>Checks that every value of the columns a model uses fits the column's kind, so a typo is reported
/// at its line instead of silently becoming a missing value.</summary>
internal static class LegacyValueValidator
{
    public static void Check(LegacyDataFile file, IEnumerable<DataColumn> columns)
    {
        var typed = columns.Where(c => c.Kind is ColumnKind.Numeric or ColumnKind.Boolean).ToList();
        // Numbers are parsed once, here, for the data view too; only a NaN needs a second look (missing, not a
        // number, or "NaN" itself).
        var numbers = typed.Select(c => c.Kind == ColumnKind.Numeric ? file.NumbersOf(c.Index) : null).ToArray();
        var bag = new DiagnosticBag();
        for (var r = 0; r < file.Rows.Count; r++)
        {
            var row = file.Rows[r];
            for (var c = 0; c < typed.Count; c++)
            {
                var column = typed[c];
                if (numbers[c] is { } parsed && !float.IsNaN(parsed[r]))
                    continue;
                var value = row.Fields[column.Index];
                if (LegacyValues.IsMissing(value))
                    continue;
                if (column.Kind == ColumnKind.Numeric && !LegacyValues.IsNumber(value))
                    bag.Add(MlbCodes.InvalidValue, new Location(file.Path, row.Line),
                        $"column '{column.Name}' is numeric but this line has '{value}', which is not a number " +
                        "(invariant culture, '.' for decimals): fix the value, or leave it empty for a missing value.");
                else if (column.Kind == ColumnKind.Boolean && !LegacyValues.IsBoolean(value))
                    bag.Add(MlbCodes.InvalidValue, new Location(file.Path, row.Line),
                        $"column '{column.Name}' holds true/false values but this line has '{value}': fix the value.");
            }
            if (bag.IsFull)
                break;
        }
        bag.ThrowIfAny();
    }
}
