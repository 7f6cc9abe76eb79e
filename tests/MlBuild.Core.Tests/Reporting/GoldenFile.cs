using System.Runtime.CompilerServices;
using System.Text;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>
/// Compares rendered markdown with a file under Reporting/Golden, byte for byte. MLBUILD_UPDATE_GOLDEN=1 rewrites
/// the files instead: then read them as a reviewer would before committing them.
/// </summary>
internal static class GoldenFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Verify(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Golden", name + ".md");
        if (Environment.GetEnvironmentVariable("MLBUILD_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, Utf8.GetBytes(actual));
            return;
        }
        Assert.True(File.Exists(path), $"There is no golden file {path}: run the tests with MLBUILD_UPDATE_GOLDEN=1 to write it, then read it.");
        var expected = Utf8.GetString(File.ReadAllBytes(path));
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length))
            .FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{name}.md differs at line {line + 1} (MLBUILD_UPDATE_GOLDEN=1 rewrites it):\n" +
            $"expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}");
    }
}
