using System.IO.Compression;
using MlBuild.Worker.Tests.Support;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Tests.Training;

public sealed class ModelZipTests
{
    private static string Zip(TestDirectory temp, string name, DateTimeOffset time)
    {
        var path = temp.File(name);
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var entryName in new[] { "Model/Key", "Schema" })
            {
                var entry = archive.CreateEntry(entryName);
                entry.LastWriteTime = time;
                using var writer = new StreamWriter(entry.Open());
                writer.Write($"contents of {entryName}");
            }
        }
        return path;
    }

    [Fact]
    public void Zips_with_the_same_contents_saved_at_different_times_become_identical()
    {
        using var temp = new TestDirectory();
        var first = Zip(temp, "a.zip", new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        var second = Zip(temp, "b.zip", new DateTimeOffset(2025, 6, 2, 11, 30, 4, TimeSpan.Zero));
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(second));

        ModelZip.NormalizeTimestamps(first);
        ModelZip.NormalizeTimestamps(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using var archive = ZipFile.OpenRead(first);
        Assert.Equal("contents of Schema", new StreamReader(archive.GetEntry("Schema")!.Open()).ReadToEnd());
    }
}
