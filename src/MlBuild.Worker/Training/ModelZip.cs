using System.IO.Compression;

namespace MlBuild.Worker.Training;

/// <summary>Makes a saved model byte-identical for identical contents. ML.NET stamps each zip entry with the time of
/// saving, so two trainings from the same inputs would differ in their headers, and so in their hashes (the lock file's
/// model hash, the model cache) for no reason.</summary>
internal static class ModelZip
{
    // The zip format's clock starts in 1980; any fixed instant will do.
    public static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void NormalizeTimestamps(string path)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Update);
        foreach (var entry in archive.Entries)
            entry.LastWriteTime = FixedTime;
    }
}
