using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Reading.Parquet;

/// <summary>
/// The layout of a Parquet file: its columns are named by the file (Columns renames them, in order), and a test file's
/// are found by name among the training data's, in any order. The sample is its first rows as text, so that the kinds
/// are inferred by the same rules as a delimited file's.
/// </summary>
internal static class ParquetLayout
{
    private static readonly HeaderDecision Named = new(true, "a Parquet file names its columns");

    public static (DataLayout Layout, List<DataRecord> Sample, bool Complete, IReadOnlyList<int> FieldOrder) Read(
        string path, DataFileFormat format, int sampleRows)
    {
        List<string> fileNames;
        {
            var (stream, reader) = ParquetFile.Open(path);
            using (stream)
            {
                fileNames = ParquetFile.Fields(reader).Select(f => f.Name).ToList();
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        var (names, order) = NamesOf(path, format, fileNames);
        var layout = new DataLayout(path, DataFileKind.Parquet, '\0', Named, names, 0);

        var sample = new List<DataRecord>();
        var complete = true;
        using (var records = new ParquetRecordCursor(path, order))
        {
            while (true)
            {
                if (sample.Count == sampleRows)
                {
                    complete = false;
                    break;
                }
                if (!records.MoveNext())
                    break;
                var fields = new string[names.Count];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = records.IsMissing(i) ? "" : records.Text(i).ToString();
                sample.Add(new DataRecord(records.Line, fields));
            }
        }
        if (sample.Count == 0)
            throw new MlbException(MlbCodes.EmptyDataFile, new Location(path),
                "the data file has no rows: add data rows, or point the MlModel item at the right file.");
        return (layout, sample, complete, order);
    }

    private static (IReadOnlyList<string> Names, IReadOnlyList<int> Order) NamesOf(string path, DataFileFormat format,
        List<string> fileNames)
    {
        if (format.Reference is { } reference)
        {
            // The test data's columns by name: the training data's, each once, in the training data's order.
            var order = new List<int>();
            var missing = new List<string>();
            foreach (var name in reference.ColumnNames)
            {
                var index = IndexOf(fileNames, name);
                if (index < 0)
                    missing.Add(name);
                order.Add(index);
            }
            if (missing.Count > 0)
                throw new MlbException(missing.Contains(format.Label ?? "", StringComparer.OrdinalIgnoreCase)
                        ? MlbCodes.LabelNotFound : MlbCodes.WrongFieldCount, new Location(path),
                    $"the test data has no column {string.Join(", ", missing.Select(m => $"'{m}'"))} of the training data " +
                    $"'{reference.Path}' (its columns: {string.Join(", ", fileNames)}): the test data needs the training " +
                    "data's columns.");
            return (reference.ColumnNames, order);
        }
        var all = Enumerable.Range(0, fileNames.Count).ToList();
        if (format.ColumnNames is { Count: > 0 } given)
        {
            if (given.Count != fileNames.Count)
                throw new MlbException(MlbCodes.WrongFieldCount, format.DeclaredAt,
                    $"Columns names {given.Count} columns but '{path}' has {fileNames.Count}: give exactly one name per " +
                    "column, or leave Columns out to use the file's names.");
            return (ColumnNames.Unique(given), all);
        }
        return (ColumnNames.Unique(fileNames), all);
    }

    private static int IndexOf(List<string> names, string name)
    {
        var exact = names.IndexOf(name);
        if (exact >= 0)
            return exact;
        var matches = names.Select((n, i) => (n, i)).Where(p => string.Equals(p.n, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].i : -1;
    }
}
