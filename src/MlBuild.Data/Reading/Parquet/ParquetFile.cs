using MlBuild.Data.Diagnostics;
using Parquet;
using Parquet.Schema;

namespace MlBuild.Data.Reading.Parquet;

/// <summary>Opens Parquet files: recognized by their magic bytes ("PAR1"), whatever their name; unreadable ones are
/// MLB2008 at the file.</summary>
internal static class ParquetFile
{
    public static bool Is(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    public static (FileStream Stream, ParquetReader Reader) Open(string path)
    {
        var stream = DelimitedSource.OpenStream(path);
        try
        {
            return (stream, ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            stream.Dispose();
            throw new MlbException(MlbCodes.UnsupportedColumn, new Location(path),
                $"the Parquet file cannot be read ({e.Message}): write it again, or point the MlModel item at the right file.");
        }
    }

    /// <summary>The file's columns: its data fields, flat (a nested field is one of its leaves' columns).</summary>
    public static IReadOnlyList<DataField> Fields(ParquetReader reader) => reader.Schema.GetDataFields();
}
