// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using System.Text;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>
/// Reads a delimited data file (UTF-8, with or without a byte order mark) into named rows, inferring what the item
/// leaves unset: the separator (<see cref="LegacySeparatorDetector"/>) and the header (<see cref="LegacyHeaderDetector"/>).
/// A test file shares the training file's separator, names and column count.
/// </summary>
internal static class LegacyDataFileReader
{
    public static LegacyDataFile Read(string path, LegacyDataFileFormat format)
    {
        if (!File.Exists(path))
            throw new MlbException(MlbCodes.FileNotFound, format.DeclaredAt,
                $"the data file '{path}' does not exist: fix the path in the MlModel item.");

        var separator = format.Separator ?? format.Reference?.Separator ?? LegacySeparatorDetector.Detect(FirstLines(path));
        var records = ReadRecords(path, separator);
        if (records.Count == 0)
            throw new MlbException(MlbCodes.EmptyDataFile, new Location(path),
                "the data file has no rows: add data rows, or point the MlModel item at the right file.");

        var first = records[0];
        var header = DecideHeader(format, first, records.Skip(1));
        var names = NamesOf(path, format, first, header, separator);
        var rows = header.HasHeader ? records.Skip(1).ToList() : records;
        if (rows.Count == 0)
            throw new MlbException(MlbCodes.EmptyDataFile, new Location(path, first.Line),
                "the data file has a header line but no rows: add data rows, or set HasHeader=false if this line is data.");

        CheckFieldCounts(path, rows, names.Count, Basis(format, first, header), separator);
        return new LegacyDataFile(path, separator, header, names, rows, header.HasHeader ? first.Line : 0);
    }

    public static StreamReader Open(string path) =>
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);

    private static List<string> FirstLines(string path)
    {
        using var reader = Open(path);
        var lines = new List<string>();
        while (lines.Count < LegacySeparatorDetector.SampleLines && reader.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line))
                lines.Add(line);
        return lines;
    }

    private static List<DataRecord> ReadRecords(string path, char separator)
    {
        using var reader = Open(path);
        return LegacyRecordReader.Read(reader, path, separator, quoting: separator == ',').ToList();
    }

    private static HeaderDecision DecideHeader(LegacyDataFileFormat format, DataRecord first, IEnumerable<DataRecord> rest)
    {
        if (format.HasHeader is { } set)
            return new(set, $"HasHeader is {(set ? "true" : "false")}");
        // A test file is judged against the training data, not on its own: it may be a single row, too few to infer from.
        if (format.Reference is { } reference)
            return first.Fields[0].StartsWith('#') ? new(true, "its first line starts with '#'")
                : Matches(first, reference.ColumnNames) ? new(true, "its first line repeats the training data's column names")
                : new(false, "its first line does not repeat the training data's column names");
        return LegacyHeaderDetector.Detect(first, rest);
    }

    private static IReadOnlyList<string> NamesOf(string path, LegacyDataFileFormat format, DataRecord first,
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
            return Unique(given);
        }
        return Unique(header.HasHeader
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

    // Two columns with one name would hide each other in ML.NET; a suffix keeps both reachable.
    private static List<string> Unique(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
                unique = $"{name}_{n}";
            result.Add(unique);
        }
        return result;
    }

    private static string Basis(LegacyDataFileFormat format, DataRecord first, HeaderDecision header) =>
        format.Reference is { } reference ? $"like the training data '{reference.Path}'"
        : format.ColumnNames is { Count: > 0 } ? "one per name in Columns"
        : header.HasHeader ? $"as in the header on line {first.Line}"
        : $"as on line {first.Line}";

    private static void CheckFieldCounts(string path, IReadOnlyList<DataRecord> rows, int expected, string basis, char separator)
    {
        var bag = new DiagnosticBag();
        var hint = separator == ','
            ? "fix the row, or quote a field that contains ',' (\"like, this\")"
            : $"fix the row: a field cannot contain the separator ({SeparatorSetting.Describe(separator)})";
        foreach (var row in rows)
        {
            if (row.Fields.Length != expected)
                bag.Add(MlbCodes.WrongFieldCount, new Location(path, row.Line),
                    $"this line has {row.Fields.Length} fields but {expected} were expected ({basis}): {hint}.");
            if (bag.IsFull)
                break;
        }
        bag.ThrowIfAny();
    }
}
