using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Reading;

/// <summary>
/// A data file opened for streaming: its layout and a bounded sample of its first records, both read when it is opened,
/// and as many passes over all its records as the caller makes (<see cref="OpenRecords"/>), each holding one record at
/// a time. Nothing here holds the file: a file of any size opens in the time of its sample.
/// </summary>
public sealed class DataSource
{
    /// <summary>The sample's size: its first 10,000 records, or fewer when they hold more than 8 M characters. Enough to
    /// settle a header and which columns hold numbers; the full pass confirms the rest.</summary>
    public const int SampleRows = 10_000;
    public const long SampleChars = 8L << 20;

    private readonly string _fieldCountBasis;
    private readonly IReadOnlyList<int>? _parquetFields;

    private DataSource(DataLayout layout, IReadOnlyList<DataRecord> sample, bool sampleIsWholeFile, string fieldCountBasis,
        IReadOnlyList<int>? parquetFields = null)
    {
        _parquetFields = parquetFields;
        Layout = layout;
        Sample = sample;
        SampleIsWholeFile = sampleIsWholeFile;
        _fieldCountBasis = fieldCountBasis;
        Length = new FileInfo(layout.Path).Length;
    }

    public DataLayout Layout { get; }

    public string Path => Layout.Path;

    /// <summary>The first data records (the header excluded), each with one field per column name.</summary>
    public IReadOnlyList<DataRecord> Sample { get; }

    /// <summary>The sample holds every record of the file.</summary>
    public bool SampleIsWholeFile { get; }

    /// <summary>The file's size in bytes: progress, and which of two files is the smaller.</summary>
    public long Length { get; }

    public static DataSource Open(string path, DataFileFormat format)
    {
        if (!File.Exists(path))
            throw new MlbException(MlbCodes.FileNotFound, format.DeclaredAt,
                $"the data file '{path}' does not exist: fix the path in the MlModel item.");
        if (Parquet.ParquetFile.Is(path))
        {
            var (parquet, rows, whole, fields) = Parquet.ParquetLayout.Read(path, format, SampleRows);
            return new DataSource(parquet, rows, whole, "the file's columns", fields);
        }
        var (layout, sample, complete, basis) = DelimitedLayout.Read(path, format, SampleRows, SampleChars);
        return new DataSource(layout, sample, complete, basis);
    }

    /// <summary>A new pass over every data record, from the first.</summary>
    public RecordCursor OpenRecords() =>
        _parquetFields is null ? new DelimitedRecordCursor(Layout) : new Parquet.ParquetRecordCursor(Path, _parquetFields);

    /// <summary>The check of each record's field count in a full pass (MLB2006).</summary>
    internal FieldCountCheck FieldCounts() => new(Layout, _fieldCountBasis);

    /// <summary>The same file under other column names (new data without a header, named as the training data was).</summary>
    public DataSource WithColumnNames(IReadOnlyList<string> names) =>
        new(Layout with { ColumnNames = names }, Sample, SampleIsWholeFile, _fieldCountBasis, _parquetFields);
}
