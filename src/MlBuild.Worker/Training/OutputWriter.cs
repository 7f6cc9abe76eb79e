using System.Text.Json;
using Microsoft.ML;
using MlBuild.Protocol;

namespace MlBuild.Worker.Training;

/// <summary>
/// Writes the model, the profile, the ONNX model and then the result, each to a temporary file beside its destination
/// and moved into place, so a reader never sees half a file. The result comes last: its presence tells the tasks that
/// the model is complete. If anything fails, what this writer put in place is removed again.
/// </summary>
internal static class OutputWriter
{
    /// <param name="profile">The training data's profile and where to write it, between the model and the result.</param>
    /// <param name="onnx">The model converted to ONNX (ExportOnnx) and where to write it, after the profile.</param>
    public static void Write(MLContext ml, ITransformer model, DataViewSchema inputSchema, TrainResult result,
        string modelPath, string resultPath, (string Path, string Json)? profile = null,
        (string Path, byte[] Bytes)? onnx = null)
    {
        var written = new List<string>();
        try
        {
            WriteAtomically(modelPath, temp =>
            {
                ml.Model.Save(model, inputSchema, temp);
                ModelZip.NormalizeTimestamps(temp);
            });
            written.Add(modelPath);
            if (profile is var (profilePath, json))
            {
                WriteAtomically(profilePath, temp => File.WriteAllText(temp, json));
                written.Add(profilePath);
            }
            if (onnx is var (onnxPath, bytes))
            {
                WriteAtomically(onnxPath, temp => File.WriteAllBytes(temp, bytes));
                written.Add(onnxPath);
            }
            WriteJson(resultPath, result);
        }
        catch when (written.Count > 0)
        {
            foreach (var path in written)
                TryDelete(path);
            throw;
        }
    }

    /// <summary>Writes a result as JSON, atomically (the evaluation's result, or the training's).</summary>
    public static void WriteJson<T>(string path, T result) =>
        WriteAtomically(path, temp => File.WriteAllText(temp, JsonSerializer.Serialize(result, WorkerJson.Options)));

    private static void WriteAtomically(string path, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is harmless, masking the real error is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
