namespace MlBuild.Core.IO;

/// <summary>
/// Writes that are all-or-nothing: content goes to a temporary file in the destination's folder and is then
/// renamed over the destination, so a crash or a kill at any moment leaves either the old file or the new one,
/// never a half-written one. (A rename within one folder is atomic on every file system we target.)
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content) =>
        Write(path, temp => File.WriteAllText(temp, content));

    public static void Copy(string source, string destination) =>
        Write(destination, temp => File.Copy(source, temp, overwrite: true));

    /// <summary>Moves a finished file into place, replacing what was there.</summary>
    public static void MoveIntoPlace(string finishedFile, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        File.Move(finishedFile, destination, overwrite: true);
    }

    /// <summary>Writes only when the content differs, so that an unchanged file keeps its timestamp
    /// and does not show up as modified (the lock file is committed).</summary>
    public static bool WriteAllTextIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
            return false;
        WriteAllText(path, content);
        return true;
    }

    public static string TemporaryPathBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!,
            $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    private static void Write(string path, Action<string> writeTemporary)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = TemporaryPathBeside(path);
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
