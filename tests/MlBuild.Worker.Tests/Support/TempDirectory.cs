namespace MlBuild.Worker.Tests.Support;

/// <summary>A folder of its own for one test, deleted afterwards: tests never write anywhere else.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mlbuild-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="content"/> (UTF-8 without a byte order mark) and returns the file's path.</summary>
    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file must not fail the test; the OS cleans the temp folder.
        }
    }
}
