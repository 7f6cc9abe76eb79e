using System.Text;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Data.Tests.Legacy;

namespace MlBuild.Data.Tests.Reading;

/// <summary>What the item says about a file, given once for both readers (their format records differ in the
/// reference: the old one took the training file, the new one takes its layout).</summary>
internal sealed record Format(char? Separator = null, bool? HasHeader = null, IReadOnlyList<string>? Columns = null,
    string? Label = null);

/// <summary>
/// Reads a file with the pre-streaming reader (<see cref="LegacyDataFileReader"/>) and with the streaming one
/// (<see cref="DataSource"/> and a full pass), as the worker used each, and writes what each saw as one text: the layout,
/// every record with its line and fields, the kinds, each numeric value's Single bits, and the errors in full (code,
/// file, line, message). Equivalence is then one string comparison whose difference shows where the readers part.
/// </summary>
/// <remarks>
/// The worker inferred the kinds from the rows with a label, and checked their values, so both are written twice:
/// for every row, and for the rows whose first column (the label here) is not empty, through the scans on the new side.
/// </remarks>
internal static class BothReaders
{
    public static readonly Location Item = new("Model.csproj", 12, 5);

    public static (string Old, string New) Read(string path, Format? format = null, string? trainPath = null,
        Format? trainFormat = null)
    {
        format ??= new Format();
        return (Old(path, format, trainPath, trainFormat ?? new Format()), New(path, format, trainPath, trainFormat ?? new Format()));
    }

    /// <summary>Asserts that both readers see the same, and returns what they saw.</summary>
    public static string AssertSame(string path, Format? format = null, string? trainPath = null, Format? trainFormat = null)
    {
        var (old, @new) = Read(path, format, trainPath, trainFormat);
        Assert.Equal(old, @new);
        return old;
    }

    private static LegacyDataFileFormat LegacyFormat(Format format, LegacyDataFile? reference) =>
        new(Item, format.Separator, format.HasHeader, format.Columns, reference, format.Label);

    private static DataFileFormat NewFormat(Format format, DataLayout? reference) =>
        new(Item, format.Separator, format.HasHeader, format.Columns, reference, format.Label);

    private static string Old(string path, Format format, string? trainPath, Format trainFormat)
    {
        var text = new StringBuilder();
        try
        {
            LegacyDataFile? train = null;
            IReadOnlyList<DataColumn>? trainColumns = null;
            if (trainPath is not null)
            {
                train = LegacyDataFileReader.Read(trainPath, LegacyFormat(trainFormat, null));
                trainColumns = LegacyColumnKindInference.InferAll(Labeled(train));
            }
            var file = LegacyDataFileReader.Read(path, LegacyFormat(format, train));
            Layout(text, file.Separator, file.Header, file.ColumnNames, file.HeaderLine);
            foreach (var row in file.Rows)
                Record(text, row.Line, row.Fields);

            var kinds = LegacyColumnKindInference.InferAll(file);
            Kinds(text, "kinds", kinds);
            for (var r = 0; r < file.Rows.Count; r++)
                Numbers(text, file.Rows[r].Line, kinds.Where(c => c.Kind == ColumnKind.Numeric)
                    .Select(c => file.NumbersOf(c.Index)[r]));

            var labeled = Labeled(file);
            var columns = trainColumns ?? LegacyColumnKindInference.InferAll(labeled);
            if (trainColumns is null)
                Kinds(text, "labeled kinds", columns);
            text.Append("bad values:\n");
            LegacyValueValidator.Check(labeled, columns);
            text.Append("none\n");
        }
        catch (MlbException e)
        {
            Errors(text, e);
        }
        return text.ToString();
    }

    private static string New(string path, Format format, string? trainPath, Format trainFormat)
    {
        var text = new StringBuilder();
        try
        {
            DataSource? train = null;
            IReadOnlyList<DataColumn>? trainColumns = null;
            if (trainPath is not null)
            {
                train = DataSource.Open(trainPath, NewFormat(trainFormat, null));
                using var trainScan = Scan(train);
                trainColumns = trainScan.Columns;
            }
            var source = DataSource.Open(path, NewFormat(format, train?.Layout));
            var rows = new List<DataRecord>();
            using (var records = source.OpenRecords())
                while (records.MoveNext())
                    rows.Add(new DataRecord(records.Line,
                        Enumerable.Range(0, records.FieldCount).Select(i => records.Text(i).ToString()).ToArray()));
            // The full pass checks every record's field count, as the old reader did when it read the file.
            using var scan = Scan(source);

            var layout = source.Layout;
            Layout(text, layout.Separator, layout.Header, layout.ColumnNames, layout.HeaderLine);
            foreach (var row in rows)
                Record(text, row.Line, row.Fields);
            var sampleMatches = source.Sample.Count <= rows.Count && source.Sample.Select((s, i) =>
                s.Line == rows[i].Line && s.Fields.SequenceEqual(rows[i].Fields)).All(b => b);
            if (!sampleMatches || source.SampleIsWholeFile != (source.Sample.Count == rows.Count))
                text.Append("THE SAMPLE IS NOT THE START OF THE FULL PASS\n");
            var kinds = SampledKinds.Infer(source).Columns;
            Kinds(text, "kinds", kinds);
            using (var records = source.OpenRecords())
                while (records.MoveNext())
                    Numbers(text, records.Line, kinds.Where(c => c.Kind == ColumnKind.Numeric).Select(c =>
                        records.TryGetNumber(c.Index, out _, out var single) ? single : float.NaN));

            if (trainColumns is null)
            {
                Kinds(text, "labeled kinds", scan.Columns);
                text.Append("bad values:\n");
                scan.ThrowIfBadValues(scan.Columns);
            }
            else
            {
                text.Append("bad values:\n");
                TestFileScan.Run(source, trainColumns, 0, trainColumns, null, null, null, null).ThrowIfBadValues();
            }
            text.Append("none\n");
        }
        catch (MlbException e)
        {
            Errors(text, e);
        }
        return text.ToString();
    }

    // The worker's training pass: the kinds from the sample's labeled rows, then every record, label in column 0.
    private static TrainingFileScan Scan(DataSource source) =>
        TrainingFileScan.Run(source, SampledKinds.Infer(source, 0), 0, classification: false, keyColumns: null,
            indexKeys: false, profile: false, progress: null);

    private static LegacyDataFile Labeled(LegacyDataFile file) => file.Where(r => !LegacyValues.IsMissing(r.Fields[0]));

    private static void Layout(StringBuilder text, char separator, HeaderDecision header, IReadOnlyList<string> names,
        int headerLine) =>
        text.Append($"separator {Show(separator.ToString())}; header {header.HasHeader} ({header.Reason}) at line " +
                    $"{headerLine}; names {string.Join("", names.Select(n => $"[{Show(n)}]"))}\n");

    private static void Record(StringBuilder text, int line, IEnumerable<string> fields) =>
        text.Append($"{line}: {string.Join("", fields.Select(f => $"[{Show(f)}]"))}\n");

    private static void Kinds(StringBuilder text, string what, IEnumerable<DataColumn> columns) =>
        text.Append($"{what}: {string.Join(", ", columns.Select(c => $"{c.Name} {c.Kind}{(c.HasMissing ? " with missing" : "")}"))}\n");

    private static void Numbers(StringBuilder text, int line, IEnumerable<float> numbers) =>
        text.Append($"{line}# {string.Join(" ", numbers.Select(n => BitConverter.SingleToUInt32Bits(n).ToString("X8")))}\n");

    private static void Errors(StringBuilder text, MlbException e)
    {
        foreach (var diagnostic in e.Diagnostics)
            text.Append($"error {diagnostic.Format(null)}\n");
    }

    private static string Show(string field) =>
        field.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
