using System.Text;

namespace MlBuild.Data.Reading;

/// <summary>How delimited files are opened: UTF-8 unless a byte order mark says otherwise, read in large blocks.</summary>
internal static class DelimitedSource
{
    private const int StreamBuffer = 1 << 16;

    public static StreamReader OpenText(string path) => OpenText(OpenStream(path));

    public static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true,
            bufferSize: StreamBuffer);

    /// <summary>Shared for reading and deleting, so that an editor or a git checkout is not blocked by a long pass.</summary>
    public static FileStream OpenStream(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, StreamBuffer, FileOptions.SequentialScan);
}
