namespace MlBuild.Data.Leakage;

/// <summary>
/// The keys and lines of the larger file's rows, written to a temporary file as they stream past, so that they can be
/// looked up in the smaller file's <see cref="RowIndex"/> once that exists: 12 bytes a row on disk, nothing in memory.
/// The file is deleted when the spill is disposed; on Unix its name is removed as soon as it is open, so that a worker
/// killed mid-pass (a cancelled build, an out-of-memory kill) leaves nothing behind in the temporary folder.
/// </summary>
public sealed class KeySpill : IDisposable
{
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly BinaryWriter _writer;

    /// <param name="directory">Where to write it: the system's temporary folder (TMPDIR) unless given.</param>
    public KeySpill(string? directory = null)
    {
        _path = Path.Combine(directory ?? Path.GetTempPath(), $"mlbuild-keys-{Guid.NewGuid():N}.bin");
        _stream = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
            File.Delete(_path);
        _writer = new BinaryWriter(_stream);
    }

    public void Add(ulong key, int line)
    {
        _writer.Write(key);
        _writer.Write(line);
    }

    /// <summary>Every key written, in order, with its line.</summary>
    public IEnumerable<(ulong Key, int Line)> Read()
    {
        _writer.Flush();
        _stream.Position = 0;
        using var reader = new BinaryReader(_stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var length = _stream.Length;
        while (_stream.Position < length)
            yield return (reader.ReadUInt64(), reader.ReadInt32());
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
