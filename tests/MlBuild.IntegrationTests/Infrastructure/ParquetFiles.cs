using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>A CSV file (with a header, comma-separated, no quoting) rewritten as Parquet with Parquet.Net: columns whose
/// every value is a number become nullable doubles, the others strings, in row groups of a given size.</summary>
internal static class ParquetFiles
{
    public static void FromCsv(string csvPath, string parquetPath, int rowGroupSize) =>
        WriteAsync(csvPath, parquetPath, rowGroupSize).GetAwaiter().GetResult();

    private static async Task WriteAsync(string csvPath, string parquetPath, int rowGroupSize)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).ToList();
        var names = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var numeric = names.Select((_, i) => rows.All(r => r[i].Length == 0 || double.TryParse(r[i],
            NumberStyles.Float, CultureInfo.InvariantCulture, out double _))).ToArray();
        var fields = names.Select((name, i) => numeric[i] ? (DataField)new DataField<double?>(name) : new DataField<string>(name, nullable: true))
            .ToArray();

        await using var stream = File.Create(parquetPath);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        for (var start = 0; start < rows.Count; start += rowGroupSize)
        {
            var group = rows.Skip(start).Take(rowGroupSize).ToList();
            using var rowGroup = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                var column = i;
                if (numeric[i])
                    await rowGroup.WriteAsync<double>(fields[i], group.Select(r => r[column].Length == 0 ? (double?)null
                        : double.Parse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());
                else
                    await rowGroup.WriteAsync(fields[i], group.Select(r => r[column]).ToArray());
            }
        }
    }
}
