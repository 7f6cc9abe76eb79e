using System.Globalization;
using System.Text;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>Data files written by the tests into their own folders: a large seeded CSV of eight numeric features and a
/// label (a linear function of them plus noise), and Parquet copies of the real CSV datasets.</summary>
internal static class GeneratedData
{
    public static readonly string[] Columns = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "Label"];

    /// <summary>Writes rows until the file holds at least <paramref name="bytes"/> bytes; returns the row count.</summary>
    public static long WriteRegressionCsv(string path, long bytes, int seed = 7)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write(string.Join(',', Columns) + "\n");
        var line = new StringBuilder();
        long rows = 0;
        Span<double> x = stackalloc double[8];
        while (writer.BaseStream.Position < bytes)
        {
            line.Clear();
            var label = 3.0;
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = Math.Round(random.NextDouble() * 100, 3);
                label += (i + 1) * 0.1 * x[i];
                line.Append(x[i].ToString(CultureInfo.InvariantCulture)).Append(',');
            }
            label += (random.NextDouble() - 0.5) * 10;
            line.Append(Math.Round(label, 4).ToString(CultureInfo.InvariantCulture)).Append('\n');
            writer.Write(line);
            rows++;
        }
        return rows;
    }
}
