using System.Globalization;
using System.Text;

namespace MlBuild.Benchmarks.Data;

/// <summary>
/// Generates a CSV file of numeric columns x1…x8 and a label y that is linear in them plus Gaussian noise, from a
/// fixed seed, so every run of the benchmark hashes and trains the same bytes. Values are written with full double
/// precision ("R"), as pandas or numpy write floats: about 19 characters a field, 2 million rows per 340 MB.
/// </summary>
internal static class SyntheticData
{
    public const int FeatureCount = 8;
    public const string LabelColumn = "y";

    // A label that a linear trainer can learn: y = Σ w_i·x_i + 3 + noise.
    private static readonly double[] Weights = [0.5, -1.25, 2.0, 0.75, -0.5, 1.5, -2.25, 1.0];

    /// <summary>Writes rows until the file holds at least <paramref name="minimumBytes"/> bytes (or exactly
    /// <paramref name="rows"/> rows when given).</summary>
    public static void Write(string path, int seed, long minimumBytes = 0, int rows = 0)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', Enumerable.Range(1, FeatureCount).Select(i => $"x{i}").Append(LabelColumn)));

        var features = new double[FeatureCount];
        for (var row = 0; rows > 0 ? row < rows : stream.Position < minimumBytes; row++)
        {
            var label = 3.0;
            for (var i = 0; i < FeatureCount; i++)
            {
                features[i] = random.NextDouble() * 200 - 100;
                label += Weights[i] * features[i];
                writer.Write(features[i].ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
            }
            label += Gaussian(random);
            writer.WriteLine(label.ToString("R", CultureInfo.InvariantCulture));
            // The stream's position moves only when the writer flushes its buffer: good enough for a size target.
        }
    }

    // Box-Muller: one standard normal value from two uniform ones.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
