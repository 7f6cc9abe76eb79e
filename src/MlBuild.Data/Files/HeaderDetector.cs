namespace MlBuild.Data.Files;

/// <summary>
/// Infers whether the first record is a header: it is when its first field starts with '#'; it is not when all its
/// fields are numbers or true/false; it is when one of its fields is not a number (or true/false) while the rest of
/// that column is; and when every column holds text, a header is assumed (set HasHeader=false otherwise).
/// </summary>
public static class HeaderDetector
{
    // The header question is settled by the first rows; the whole file is validated later anyway.
    private const int SampleRows = 1000;

    public static HeaderDecision Detect(DataRecord first, IEnumerable<DataRecord> rest)
    {
        if (first.Fields[0].StartsWith('#'))
            return new(true, "its first line starts with '#'");
        if (first.Fields.All(f => Values.IsMissing(f) || Values.IsNumber(f) || Values.IsBoolean(f)))
            return new(false, "its first line holds only numbers or true/false values");

        var sample = rest.Take(SampleRows).ToList();
        var anyTypedColumn = false;
        for (var i = 0; i < first.Fields.Length; i++)
        {
            var values = sample.Where(r => r.Fields.Length > i && !Values.IsMissing(r.Fields[i]))
                .Select(r => r.Fields[i]).ToList();
            if (values.Count == 0)
                continue;
            var head = first.Fields[i];
            if (ColumnKindInference.IsMostlyNumeric(values.Count(Values.IsNumber), values.Count))
            {
                anyTypedColumn = true;
                if (!Values.IsMissing(head) && !Values.IsNumber(head))
                    return new(true, $"'{head}' on its first line is not a number but the rest of column {i + 1} is");
            }
            else if (values.All(Values.IsBoolean))
            {
                anyTypedColumn = true;
                if (!Values.IsMissing(head) && !Values.IsBoolean(head))
                    return new(true, $"'{head}' on its first line is not true/false but the rest of column {i + 1} is");
            }
        }
        return anyTypedColumn
            ? new(false, "the values of its first line fit their columns")
            : new(true, "every column holds text, so the first line is taken as the header");
    }
}
