using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Reading;

/// <summary>
/// Infers the layout of a delimited file (UTF-8, with or without a byte order mark) from its first records, filling
/// in what the item leaves unset: the separator (<see cref="SeparatorDetector"/>), the header
/// (<see cref="HeaderDetector"/>) and the column names. A test file shares the training file's separator, names and
/// column count.
/// </summary>
internal static class DelimitedLayout
{
    /// <returns>The layout; the data records of the sample (the header excluded), each with one field per name; whether
    /// the sample is the whole file; and why records must have as many fields as there are names, for MLB2006.</returns>
    public static (DataLayout Layout, List<DataRecord> Sample, bool Complete, string FieldCountBasis) Read(string path, DataFileFormat format,
        int sampleRows, long sampleChars)
    {
        var separator = format.Separator ?? (format.Reference is { Kind: DataFileKind.Delimited } reference ? reference.Separator : (char?)null)
            ?? SeparatorDetector.Detect(FirstLines(path));
        var records = new List<DataRecord>();
        var complete = true;
        using (var tokenizer = new DelimitedTokenizer(DelimitedSource.OpenText(path), path, separator, quoting: separator == ','))
        {
            long chars = 0;
            // One record more than the sample: the header, when there is one.
            while (true)
            {
                if (records.Count > sampleRows || chars > sampleChars)
                {
                    complete = false;
                    break;
                }
                if (!tokenizer.MoveNext())
                    break;
                var fields = tokenizer.Fields();
                foreach (var field in fields)
                    chars += field.Length;
                records.Add(new DataRecord(tokenizer.Line, fields));
            }
        }
        if (records.Count == 0)
            throw new MlbException(MlbCodes.EmptyDataFile, new Location(path),
                "the data file has no rows: add data rows, or point the MlModel item at the right file.");

        var first = records[0];
        var header = DecideHeader(format, first, records.Skip(1));
        var names = NamesOf(path, format, first, header, separator);
        if (header.HasHeader)
            records.RemoveAt(0);
        if (records.Count == 0)
            throw new MlbException(MlbCodes.EmptyDataFile, new Location(path, first.Line),
                "the data file has a header line but no rows: add data rows, or set HasHeader=false if this line is data.");

        var layout = new DataLayout(path, DataFileKind.Delimited, separator, header, names, header.HasHeader ? first.Line : 0);
        var basis = Basis(format, first, header);
        var counts = new FieldCountCheck(layout, basis);
        foreach (var record in records)
            if (!counts.Check(record.Line, record.Fields.Length) && counts.IsFull)
                break;
        counts.ThrowIfAny();
        return (layout, records, complete, basis);
    }

    private static List<string> FirstLines(string path)
    {
        using var reader = DelimitedSource.OpenText(path);
        var lines = new List<string>();
        while (lines.Count < SeparatorDetector.SampleLines && reader.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line))
                lines.Add(line);
        return lines;
    }

    private static HeaderDecision DecideHeader(DataFileFormat format, DataRecord first, IEnumerable<DataRecord> rest)
    {
        if (format.HasHeader is { } set)
            return new(set, $"HasHeader is {(set ? "true" : "false")}");
        // A test file is judged against the training data, not on its own: it may be a single row, too few to infer from.
        if (format.Reference is { } reference)
            return first.Fields[0].StartsWith('#') ? new(true, "its first line starts with '#'")
                : Matches(first, reference.ColumnNames) ? new(true, "its first line repeats the training data's column names")
                : new(false, "its first line does not repeat the training data's column names");
        return HeaderDetector.Detect(first, rest);
    }

    private static IReadOnlyList<string> NamesOf(string path, DataFileFormat format, DataRecord first,
        HeaderDecision header, char separator)
    {
        var fieldCount = first.Fields.Length;
        if (format.Reference is { } reference)
        {
            // A header of training columns without the label: the test data cannot be scored against anything.
            if (fieldCount != reference.ColumnNames.Count && format.Label is { } label &&
                HeaderNames(first) is var names && names.All(n => reference.ColumnNames.Contains(n, StringComparer.OrdinalIgnoreCase)) &&
                !names.Contains(label, StringComparer.OrdinalIgnoreCase))
                throw new MlbException(MlbCodes.LabelNotFound, new Location(path, first.Line),
                    $"the test data has no label column '{label}' (its columns: {string.Join(", ", names)}): add it, " +
                    $"with the actual values, in the same place as in the training data '{reference.Path}'.");
            if (fieldCount != reference.ColumnNames.Count)
                throw new MlbException(MlbCodes.WrongFieldCount, new Location(path, first.Line),
                    $"this line has {fieldCount} fields (separator {SeparatorSetting.Describe(separator)}) but the " +
                    $"training data '{reference.Path}' has {reference.ColumnNames.Count} columns: the test data needs " +
                    "the same columns in the same order.");
            var namesFromHeaders = header.HasHeader && reference.Header.HasHeader && format.ColumnNames is not { Count: > 0 };
            if (namesFromHeaders && !Matches(first, reference.ColumnNames))
                throw new MlbException(MlbCodes.WrongFieldCount, new Location(path, first.Line),
                    $"the header ({string.Join(", ", HeaderNames(first))}) does not match the training data's " +
                    $"({string.Join(", ", reference.ColumnNames)}): the test data needs the same columns in the same order.");
            return reference.ColumnNames;
        }

        if (format.ColumnNames is { Count: > 0 } given)
        {
            if (given.Count != fieldCount)
                throw new MlbException(MlbCodes.WrongFieldCount, format.DeclaredAt,
                    $"Columns names {given.Count} columns but '{path}' has {fieldCount} fields on line {first.Line} " +
                    $"(separator {SeparatorSetting.Describe(separator)}): give exactly one name per field.");
            return ColumnNames.Unique(given);
        }
        return ColumnNames.Unique(header.HasHeader
            ? HeaderNames(first)
            : Enumerable.Range(1, fieldCount).Select(i => $"Column{i}").ToList());
    }

    private static List<string> HeaderNames(DataRecord first) =>
        first.Fields.Select((f, i) =>
        {
            var name = (i == 0 ? f.TrimStart('#') : f).Trim();
            return name.Length == 0 ? $"Column{i + 1}" : name;
        }).ToList();

    private static bool Matches(DataRecord first, IReadOnlyList<string> names) =>
        first.Fields.Length == names.Count &&
        HeaderNames(first).Zip(names).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

    private static string Basis(DataFileFormat format, DataRecord first, HeaderDecision header) =>
        format.Reference is { } reference ? $"like the training data '{reference.Path}'"
        : format.ColumnNames is { Count: > 0 } ? "one per name in Columns"
        : header.HasHeader ? $"as in the header on line {first.Line}"
        : $"as on line {first.Line}";
}
