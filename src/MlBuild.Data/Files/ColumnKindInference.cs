namespace MlBuild.Data.Files;

/// <summary>
/// Infers a column's kind from its values (the header excluded):
/// Numeric when at least 90% of the non-empty values are numbers (the others are then reported as bad values
/// rather than silently turning the column into text), or when every value is empty;
/// Boolean when every value is true or false (an empty value makes it Categorical: a bool cannot be missing);
/// Categorical when there are at most 100 distinct values, at most one per two rows, none longer than 50 characters;
/// Text otherwise.
/// </summary>
/// <remarks>
/// A data file's kinds are inferred from a bounded sample of its first rows (<see cref="Scanning.ColumnScan"/> keeps
/// the evidence of the rest): whether a column holds numbers is settled there, and a value past the sample that is not
/// a number is an error at its line. Boolean, Categorical and Text are settled by the whole file, since they only
/// change how the same text is featurized.
/// </remarks>
public static class ColumnKindInference
{
    public const double NumericShare = 0.9;
    public const int MaxCategories = 100;
    public const int MaxCategoryLength = 50;

    public static bool IsMostlyNumeric(long numbers, long nonEmpty) =>
        numbers > 0 && numbers >= NumericShare * nonEmpty;

    public static DataColumn Infer(string name, int index, IEnumerable<string> values)
    {
        var evidence = new KindEvidence();
        foreach (var value in values)
            evidence.Add(value);
        return new DataColumn(name, index, evidence.Kind, HasMissing: evidence.Missing > 0);
    }

    /// <summary>The kinds of every column of the records (each with one field per name).</summary>
    public static IReadOnlyList<DataColumn> InferAll(IReadOnlyList<string> names, IEnumerable<DataRecord> records)
    {
        var evidence = names.Select(_ => new KindEvidence()).ToArray();
        foreach (var record in records)
            for (var i = 0; i < evidence.Length; i++)
                evidence[i].Add(record.Fields[i]);
        return names.Select((name, i) => new DataColumn(name, i, evidence[i].Kind, evidence[i].Missing > 0)).ToList();
    }
}
