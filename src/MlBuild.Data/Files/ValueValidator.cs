using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Files;

/// <summary>Checks that every value of the columns a model uses fits the column's kind, so a typo is reported
/// at its line instead of silently becoming a missing value.</summary>
public static class ValueValidator
{
    public static void Check(DataFile file, IEnumerable<DataColumn> columns)
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
                if (Values.IsMissing(value))
                    continue;
                if (column.Kind == ColumnKind.Numeric && !Values.IsNumber(value))
                    bag.Add(DataCodes.InvalidValue, new Location(file.Path, row.Line),
                        $"column '{column.Name}' is numeric but this line has '{value}', which is not a number " +
                        "(invariant culture, '.' for decimals): fix the value, or leave it empty for a missing value.");
                else if (column.Kind == ColumnKind.Boolean && !Values.IsBoolean(value))
                    bag.Add(DataCodes.InvalidValue, new Location(file.Path, row.Line),
                        $"column '{column.Name}' holds true/false values but this line has '{value}': fix the value.");
            }
            if (bag.IsFull)
                break;
        }
        bag.ThrowIfAny();
    }
}
