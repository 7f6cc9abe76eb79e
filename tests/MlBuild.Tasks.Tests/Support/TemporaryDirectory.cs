namespace MlBuild.Tasks.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mlbuild-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open (e.g. by a virus scanner) must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
