using MlBuild.Protocol;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Describe;

/// <summary>
/// <c>MlBuild.Worker describe &lt;model.zip&gt; [&lt;output.json&gt;]</c>: the model's input and output schema as JSON,
/// written to the output file (atomically) or, without one, to standard output. Exit code 0 on success; 1 with one
/// canonical error line (MLB7005) when the file is not a model the project's ML.NET can load.
/// </summary>
internal static class DescribeCommand
{
    public static int Run(string modelPath, string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        string json;
        try
        {
            json = DescribeJson.Serialize(ModelDescriber.Describe(Path.GetFullPath(modelPath)));
        }
        catch (Exception e)
        {
            var reason = ExceptionTranslator.MissingPackage(e) is { } package
                ? $"it needs the package {package}, which the project does not reference"
                : $"{Innermost(e).Message} ({Innermost(e).GetType().Name})";
            // One MSBuild canonical error line ("origin: error CODE: message"), on one line whatever the reason says.
            var message = $"the model cannot be read to describe its schema: {reason}. Build the project again to train it anew."
                .Replace('\r', ' ').Replace('\n', ' ');
            stderr.WriteLine($"{modelPath}: error {MlbCodes.PackageModelUnreadable}: {message}");
            return 1;
        }
        if (outputPath is null)
        {
            stdout.Write(json);
            return 0;
        }
        WriteAtomically(Path.GetFullPath(outputPath), json);
        return 0;
    }

    // A reader (the tasks) never sees half a file: written beside the destination, then renamed over it.
    private static void WriteAtomically(string path, string content)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
            e = e.InnerException;
        return e;
    }
}
