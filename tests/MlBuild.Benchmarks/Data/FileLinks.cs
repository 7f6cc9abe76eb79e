using System.Runtime.InteropServices;

namespace MlBuild.Benchmarks.Data;

/// <summary>Gives the baseline projects the very same data files as the MlBuild project without copying 1 GB:
/// a hard link is the same file (same bytes, size and timestamps) under a second name.</summary>
internal static class FileLinks
{
    public static void HardLinkOrCopy(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Delete(destination);
        if (OperatingSystem.IsWindows() || link(source, destination) != 0)
            File.Copy(source, destination);
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA2101 // A two-string libc call: the marshalling generator adds nothing here.
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
#pragma warning restore SYSLIB1054, CA2101
}
