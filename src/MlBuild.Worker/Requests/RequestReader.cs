using System.Text.Json;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Requests;

/// <summary>Reads the request file the tasks wrote. A bad one is the tasks' bug, not the user's: MLB4003.</summary>
internal static class RequestReader
{
    public static TrainRequest Read(string path) => Read<TrainRequest>(path, "training");

    public static EvaluateRequest ReadEvaluation(string path) => Read<EvaluateRequest>(path, "evaluation");

    private static T Read<T>(string path, string kind)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), WorkerJson.Options)
                ?? throw new JsonException("The request is null.");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new MlbException(MlbCodes.TrainingFailed, new Location(path),
                $"the worker's {kind} request cannot be read ({e.Message}): rebuild; if it persists, report an MlBuild bug.");
        }
    }

    /// <summary>Where declaration errors point: the MlModel item in the project file.</summary>
    public static Location DeclaredAt(TrainRequest request) =>
        new(request.ProjectFile, Math.Max(0, request.ItemLine), Math.Max(0, request.ItemColumn));
}
